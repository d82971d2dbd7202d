/**
 * Launches Debian's Firefox ESR (or FIREFOX_PATH) headless through puppeteer-core over WebDriver
 * BiDi, with the built Firefox extension installed as a temporary add-on: no geckodriver, no
 * browser download. Raw BiDi calls cover what puppeteer does not: opening moz-extension pages,
 * and reading the card inside its closed shadow root.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const GECKO_ID = 'paperpeek@paperpeek.dev';
// Picked here so the test knows the extension's origin (Firefox makes one up per profile).
const UUID = '5b2a1d7e-4c3f-4f0a-9e61-7a8b9c0d1e2f';

const FIREFOX_INTERNALS = /chrome:\/\/|resource:\/\//;

const CANDIDATES = [
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/bin/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/usr/bin/firefox',
];

/** The oldest ESR the build supports, unpacked by .ci/run beside the system's Firefox. */
const UNPACKED_FIREFOXES = resolve(import.meta.dirname, '../../.cache');

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Every Firefox to test in: FIREFOX_PATH alone when set; otherwise the system's Firefox (ESR)
 * and any older ESR that .ci/run unpacked into .cache/firefox-esr-<major>/.
 */
export function findFirefoxes(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.FIREFOX_PATH) return isExecutable(env.FIREFOX_PATH) ? [env.FIREFOX_PATH] : [];
  const system = CANDIDATES.find(isExecutable);
  const unpacked = existsSync(UNPACKED_FIREFOXES)
    ? readdirSync(UNPACKED_FIREFOXES)
        .filter((name) => /^firefox-esr-\d+$/.test(name))
        .map((name) => join(UNPACKED_FIREFOXES, name, 'usr/lib/firefox-esr/firefox-esr'))
        .filter(isExecutable)
    : [];
  return [...(system ? [system] : []), ...unpacked];
}

/** "Mozilla Firefox 153.7.0esr", for test names. */
export function firefoxVersion(executablePath: string): string {
  return execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
}

export const NO_FIREFOX_HELP = `No Firefox found. Install one (Debian/Ubuntu: sudo apt-get install firefox-esr),
or point FIREFOX_PATH at a Firefox binary.`;

/** A card as the user sees it: read from the closed shadow root through BiDi. */
export interface FirefoxCard {
  title: string;
  buttons: string[];
  text: string;
  /** The accessible name of the card's focused control, if any. */
  focused: string | null;
  /** Boxes of the card's buttons by name, in viewport pixels, for the mouse. */
  boxes: Record<string, { x: number; y: number; width: number; height: number }>;
}

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>/` */
  origin: string;
  /** Console lines of the extension's own contexts that say something went wrong. */
  extensionErrors(): string[];
  /** Opens an extension page (puppeteer's goto waits forever on moz-extension URLs). */
  openExtensionPage(path: string): Promise<Page>;
  /** The card open on the page, or null. */
  card(page: Page): Promise<FirefoxCard | null>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

const connectionOf = (browser: Browser) =>
  (browser as unknown as { connection: BidiConnection }).connection;
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

const READ_CARD = `(root) => {
  const card = root.querySelector('.card');
  if (!card || root.host.style.display === 'none' || !card.getClientRects().length) return null;
  // The accessible name: aria-label, else the text without aria-hidden parts (the check mark).
  const name = (element) =>
    element.getAttribute('aria-label') ||
    [...element.childNodes]
      .filter((node) => !(node.nodeType === 1 && node.getAttribute('aria-hidden') === 'true'))
      .map((node) => node.textContent)
      .join('')
      .trim();
  const boxes = {};
  for (const button of root.querySelectorAll('button')) {
    const r = button.getBoundingClientRect();
    boxes[name(button)] = { x: r.x, y: r.y, width: r.width, height: r.height };
  }
  return JSON.stringify({
    title: root.querySelector('h2')?.textContent ?? '',
    buttons: [...root.querySelectorAll('button')].map(name),
    text: card.textContent,
    focused: root.activeElement ? name(root.activeElement) : null,
    boxes,
  });
}`;

export async function launchFirefoxExtension(executablePath: string): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox".`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: null,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // The background page's console reaches stdout, where the test reads it.
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      // What the user would grant in Firefox's prompt (a feed's site, arXiv look-up consent)
      // is granted without the doorhanger, which a headless browser cannot show.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const output: string[] = [];
  const collect = (chunk: unknown) => output.push(String(chunk));
  browser.process()?.stdout?.on('data', collect);
  browser.process()?.stderr?.on('data', collect);
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const origin = `moz-extension://${UUID}/`;
  const connection = connectionOf(browser);

  return {
    browser,
    origin,
    extensionErrors: () =>
      output
        .join('')
        .split('\n')
        .filter(
          (line) =>
            // Uncaught errors and rejections (an extension API's rejection names no file), but
            // not Firefox's own (its remote agent and front end log a few of theirs).
            (/^JavaScript error:/.test(line) && !FIREFOX_INTERNALS.test(line)) ||
            ((line.includes(origin) || /PaperPeek/.test(line)) &&
              /error|exception|uncaught/i.test(line)),
        ),
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await connection.send('browsingContext.navigate', {
        context: contextOf(page),
        url: `${origin}${path}`,
        wait: 'complete',
      });
      return page;
    },
    async card(page) {
      const context = contextOf(page);
      const host = await connection.send('script.evaluate', {
        expression: 'document.querySelector("paperpeek-card")',
        target: { context },
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      const value = (host.result.result as { value?: { shadowRoot?: { sharedId?: string } } })
        ?.value;
      const sharedId = value?.shadowRoot?.sharedId;
      if (!sharedId) return null;
      const read = await connection.send('script.callFunction', {
        functionDeclaration: READ_CARD,
        arguments: [{ sharedId }],
        target: { context },
        awaitPromise: false,
      });
      const json = (read.result.result as { value?: unknown }).value;
      return typeof json === 'string' ? (JSON.parse(json) as FirefoxCard) : null;
    },
    async close() {
      await browser.close();
    },
  };
}
