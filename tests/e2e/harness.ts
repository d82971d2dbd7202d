/**
 * Launches Debian's (or CHROME_PATH's) Chromium with the built extension through playwright-core,
 * headless, in a throwaway profile. Tests talk to the real worker through the real protocol.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { REFRESH_ALARM } from '../../lib/worker/refresh-alarm';
import { extensionLaunchArgs, findBrowser, NO_BROWSER_HELP } from '../../scripts/lib/find-browser';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (e.g. `popup.html`). */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A copy of the build whose manifest also lists `origins` as host permissions: an optional
 * permission granted, as the user's yes to the browser's prompt would (headless Chromium shows
 * that prompt where no one can answer it, and the request never settles).
 */
async function buildWithOrigins(origins: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'paperpeek-granted-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, ...origins];
  await writeFile(path, JSON.stringify(manifest));
  return dir;
}

export async function launchExtension(
  options: { grantedOrigins?: string[] } = {},
): Promise<ExtensionSession> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_HELP);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const extensionDir = options.grantedOrigins?.length
    ? await buildWithOrigins(options.grantedOrigins)
    : EXTENSION_DIR;
  const profile = await mkdtemp(join(tmpdir(), 'paperpeek-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...extensionLaunchArgs(extensionDir), '--disable-gpu'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      if (extensionDir !== EXTENSION_DIR) await rm(extensionDir, { recursive: true, force: true });
    },
  };
}

/**
 * The popup in a window of its own, as the toolbar shows it beside the page (asked from an
 * extension page). The page the user was on stays the active tab of its window.
 */
export async function openPopupWindow(session: ExtensionSession, from: Page): Promise<Page> {
  const opened = session.context.waitForEvent('page', {
    predicate: (page) => page.url().endsWith('/popup.html'),
  });
  await from.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { windows: { create(data: object): Promise<unknown> } };
      }
    ).chrome.windows.create({ url: 'popup.html', type: 'popup', width: 400, height: 600 }),
  );
  return opened;
}

/** Sends a protocol message from an extension page, exactly as the popup does. */
export async function request(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (body) => (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.sendMessage(body),
    message,
  );
}

interface ExtensionPageGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { local: { set(items: object): Promise<void> } };
  };
}

/** Writes `storage.local` from an extension page, as the options page does. */
export async function setLocalStorage(page: Page, items: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (value) => (globalThis as unknown as ExtensionPageGlobals).chrome.storage.local.set(value),
    items,
  );
}

/**
 * Collects the console errors and uncaught exceptions of a page. A failed resource load (the
 * page's own missing favicon) is the page's business, not an error of the extension.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  return errors;
}

/**
 * Moves the scheduled refresh a day away, at the interval the worker chose (so the worker leaves
 * it there). A test that runs longer than a minute needs this: otherwise the first scheduled
 * refresh lands in the middle of it and applies whatever the stand-in serves at that moment.
 */
export async function holdScheduledRefresh(page: Page): Promise<void> {
  await page.evaluate(async (name) => {
    const { alarms } = (globalThis as unknown as { chrome: { alarms: AlarmsGlobal } }).chrome;
    for (let tries = 0; tries < 100; tries += 1) {
      const alarm = await alarms.get(name);
      if (alarm?.periodInMinutes) {
        await alarms.create(name, {
          delayInMinutes: 24 * 60,
          periodInMinutes: alarm.periodInMinutes,
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('The worker never scheduled its refresh');
  }, REFRESH_ALARM);
}

interface AlarmsGlobal {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void>;
}

/** Polls `check` until it returns true (for hooks, where expect.poll is not available). */
export async function waitUntil(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the worker has loaded the bundled digest. */
export function waitForDigest(page: Page): Promise<void> {
  return waitUntil(async () => {
    const reply = (await request(page, { type: 'status', data: {} })) as {
      value?: { paperCount: number };
    };
    return (reply.value?.paperCount ?? 0) > 0;
  }, 'the bundled digest');
}
