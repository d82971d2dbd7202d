/**
 * Finds a Chromium-family browser for `npm start` and the end-to-end tests: `CHROME_PATH` first,
 * then the usual install locations. Chromium is preferred: branded Google Chrome 137+ ignores
 * `--load-extension` unless a feature flag re-enables it.
 */
import { accessSync, constants } from 'node:fs';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    `${process.env.LOCALAPPDATA ?? ''}\\Chromium\\Application\\chrome.exe`,
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string | null {
  const candidates = [env.CHROME_PATH, ...(CANDIDATES[platform] ?? [])].filter(
    (path): path is string => Boolean(path),
  );
  return candidates.find(isExecutable) ?? null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Flags every launch needs: load only our extension, and keep Chrome off the network. */
export function extensionLaunchArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Google Chrome 137+ only honours --load-extension with this feature turned off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export const NO_BROWSER_HELP = `No Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install chromium),
or point CHROME_PATH at a Chromium-family browser. You can also load the extension by hand:
open chrome://extensions, turn on Developer mode, click "Load unpacked" and choose .output/chrome-mv3.`;
