/**
 * The browsers a flow runs in, behind one small interface: Chromium through playwright-core and
 * CDP, Firefox ESR (each version found) through puppeteer-core and WebDriver BiDi. A flow file
 * runs `describe.each(BROWSERS)` and talks only to this, so the same steps are checked in both.
 */
import { expect } from 'vitest';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { CardInspector } from './card-inspector';
import {
  findFirefoxes,
  firefoxVersion,
  launchFirefoxExtension,
  NO_FIREFOX_HELP,
  type FirefoxCard,
} from './firefox-harness';
import { collectErrors, launchExtension, openPopupWindow } from './harness';

/** What both drivers' pages offer (Playwright's and Puppeteer's pages share these shapes). */
export interface FlowPage {
  $eval<R>(selector: string, read: (element: Element) => R): Promise<R>;
  $$eval<R>(selector: string, read: (elements: Element[]) => R): Promise<R>;
  evaluate<R, A>(run: (argument: A) => R | Promise<R>, argument: A): Promise<R>;
  focus(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  keyboard: {
    press(key: string): Promise<void>;
    /** Types into what has the focus, `delay` ms between keys (0: as fast as events go). */
    type(text: string, options?: { delay?: number }): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
  };
  close(): Promise<void>;
}

/** A card as the user sees it; the Firefox harness reads the same shape. */
export type FlowCard = FirefoxCard;

export interface FlowSession {
  /** The extension's own pages' origin, ending in "/". */
  origin: string;
  openExtensionPage(path: string): Promise<FlowPage>;
  /**
   * Opens `url` in a new tab, once it has loaded; with `loaded: false`, as soon as the navigation
   * starts (a page whose load, or whose parsing, never ends).
   */
  openPage(url: string, options?: { loaded?: boolean }): Promise<FlowPage>;
  /** The hover card open on `page`, as the user sees it, or null. */
  card(page: FlowPage): Promise<FlowCard | null>;
  /** Chooses `file` in the file input `selector`. */
  upload(page: FlowPage, selector: string, file: string): Promise<void>;
  /**
   * The popup's page in a window of its own, opened from the extension page `from`: a headless
   * browser has no toolbar button to click, and a popup window is no normal window, so the popup
   * still looks at the tab behind it.
   */
  openPopupWindow(from: FlowPage): Promise<FlowPage>;
  /** The addresses of the tabs open now. */
  pageUrls(): Promise<string[]>;
  /** Errors the extension's contexts reported. */
  errors(): string[];
  close(): Promise<void>;
}

export interface BrowserUnderTest {
  name: string;
  kind: 'chromium' | 'firefox';
  /**
   * `grantedOrigins`: optional host permissions the user has granted. Firefox grants a request
   * without its prompt here (extensions.webextOptionalPermissionPrompts), so a test asks as a
   * user would; headless Chromium's prompt cannot be answered, so they are granted at install.
   */
  launch(options?: { grantedOrigins?: string[] }): Promise<FlowSession>;
}

const chromium: BrowserUnderTest = {
  name: 'Chromium',
  kind: 'chromium',
  async launch(options) {
    const session = await launchExtension(options);
    const inspectors = new WeakMap<object, CardInspector>();
    // Console errors of the extension's pages (web pages' own are theirs) and of its worker.
    const pageErrors: string[][] = [];
    const track = (page: PlaywrightPage) => {
      pageErrors.push(collectErrors(page));
      return page;
    };
    const inspectorOf = async (page: FlowPage) => {
      const playwrightPage = page as unknown as PlaywrightPage;
      let inspector = inspectors.get(playwrightPage);
      if (!inspector) {
        inspector = await CardInspector.attach(playwrightPage);
        inspectors.set(playwrightPage, inspector);
      }
      return inspector;
    };
    const workerErrors: string[] = [];
    session.worker.on('console', (message) => {
      if (message.type() === 'error') workerErrors.push(message.text());
    });
    return {
      origin: `chrome-extension://${session.extensionId}/`,
      openExtensionPage: async (path) =>
        track(await session.openExtensionPage(path)) as unknown as FlowPage,
      async openPage(url, { loaded = true } = {}) {
        const page = await session.context.newPage();
        if (loaded) await page.goto(url);
        else await page.goto(url, { waitUntil: 'commit' });
        return page as unknown as FlowPage;
      },
      async card(page) {
        const inspector = await inspectorOf(page);
        const snapshot = await inspector.card();
        if (!snapshot) return null;
        const boxes: FlowCard['boxes'] = {};
        for (const name of snapshot.buttons) {
          const box = await inspector.controlBox(name);
          if (box) boxes[name] = box;
        }
        return { ...snapshot, boxes };
      },
      async upload(page, selector, file) {
        await (page as unknown as PlaywrightPage).setInputFiles(selector, file);
      },
      openPopupWindow: async (from) =>
        track(
          await openPopupWindow(session, from as unknown as PlaywrightPage),
        ) as unknown as FlowPage,
      pageUrls: async () => session.context.pages().map((page) => page.url()),
      errors: () => [...workerErrors, ...pageErrors.flat()],
      close: () => session.close(),
    };
  },
};

function firefox(executablePath: string): BrowserUnderTest {
  return {
    name: firefoxVersion(executablePath),
    kind: 'firefox',
    async launch() {
      const session = await launchFirefoxExtension(executablePath);
      return {
        origin: session.origin,
        openExtensionPage: async (path) =>
          (await session.openExtensionPage(path)) as unknown as FlowPage,
        async openPage(url, { loaded = true } = {}) {
          const page = await session.browser.newPage();
          if (loaded) await page.goto(url);
          // Puppeteer has no "committed": the navigation goes on while the test polls the page.
          else void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
          return page as unknown as FlowPage;
        },
        card: (page) => session.card(page as unknown as PuppeteerPage),
        async upload(page, selector, file) {
          const input = await (page as unknown as PuppeteerPage).waitForSelector(selector);
          if (!input) throw new Error(`no ${selector}`);
          await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
        },
        async openPopupWindow(from) {
          const before = new Set(await session.browser.pages());
          await from.evaluate(
            () =>
              (
                globalThis as unknown as {
                  browser: { windows: { create(data: object): Promise<unknown> } };
                }
              ).browser.windows.create({
                url: 'popup.html',
                type: 'popup',
                width: 400,
                height: 600,
              }),
            undefined,
          );
          let popup: PuppeteerPage | undefined;
          await until(async () => {
            for (const page of await session.browser.pages()) {
              if (before.has(page)) continue;
              if ((await page.evaluate(() => location.pathname)) === '/popup.html') popup = page;
            }
            return popup !== undefined;
          }, 'the popup window');
          return popup as unknown as FlowPage;
        },
        // Puppeteer does not follow moz-extension addresses (url() says about:blank): asked.
        pageUrls: async () =>
          Promise.all(
            (await session.browser.pages()).map((page) =>
              page.evaluate(() => location.href).catch(() => page.url()),
            ),
          ),
        errors: () => session.extensionErrors(),
        close: () => session.close(),
      };
    },
  };
}

const FIREFOXES = findFirefoxes();

/** Chromium, and every Firefox found; with no Firefox, a browser whose launch says what to do. */
export const BROWSERS: BrowserUnderTest[] = [
  chromium,
  ...(FIREFOXES.length > 0
    ? FIREFOXES.map(firefox)
    : [
        {
          name: 'Firefox (not installed)',
          kind: 'firefox' as const,
          launch: () => Promise.reject(new Error(NO_FIREFOX_HELP)),
        },
      ]),
];

/** Polls `check` until it returns true; for hooks and steps outside `expect.poll`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the worker has loaded the bundled digest, asking from an extension page. */
export function waitForBundledDigest(page: FlowPage): Promise<void> {
  return until(
    async () => {
      const reply = await send(page, { type: 'status', data: {} });
      return ((reply.value as { paperCount?: number } | undefined)?.paperCount ?? 0) > 0;
    },
    'the bundled digest',
    20_000,
  );
}

/** Clicks a control of the card with the mouse, as a user would. */
export async function clickCard(session: FlowSession, page: FlowPage, name: string) {
  const box = (await session.card(page))?.boxes[name];
  if (!box) throw new Error(`no "${name}" on the card`);
  await page.mouse.move(box.x + 6, box.y + 6, { steps: 3 });
  await page.mouse.down();
  await page.mouse.up();
}

/**
 * Clicks, with the real mouse, the first element matching `selector` whose text starts with
 * `text`: a user's click (Firefox grants permission requests only from one), the same way in both
 * drivers' selector dialects.
 */
export async function clickByText(page: FlowPage, selector: string, text: string) {
  const point = await page.evaluate(
    ({ selector: css, text: start }) => {
      const element = [...document.querySelectorAll(css)].find((candidate) =>
        (candidate.textContent ?? '').trim().startsWith(start),
      );
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const rect = element.getBoundingClientRect();
      return { x: rect.x + Math.min(8, rect.width / 2), y: rect.y + rect.height / 2 };
    },
    { selector, text },
  );
  if (!point) throw new Error(`nothing like "${text}" in ${selector}`);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  await page.mouse.down();
  await page.mouse.up();
}

/** Moves the pointer onto an element of the page. */
export async function pointAt(page: FlowPage, selector: string) {
  const point = await page.$eval(selector, (element) => {
    const rect = element.getBoundingClientRect();
    return { x: rect.x + 4, y: rect.y + rect.height / 2 };
  });
  await page.mouse.move(point.x, point.y, { steps: 3 });
}

/**
 * Points at a link and checks the card a user sees: its title within 5 s, and still the same a
 * second later (a card that opens and then vanishes is a failure).
 */
export async function expectCardStays(
  session: FlowSession,
  page: FlowPage,
  selector: string,
  title: RegExp,
) {
  await pointAt(page, selector);
  await expect
    .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000 })
    .toMatch(title);
  await new Promise((done) => setTimeout(done, 1_000));
  expect((await session.card(page))?.title).toMatch(title);
}

interface ExtensionGlobals {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: object): Promise<void> } };
}
// In the page: Firefox's promise-based API is `browser`, Chrome's is `chrome`.
/** Sends a protocol message from an extension page, as the popup does. */
export function send(page: FlowPage, message: unknown) {
  return page.evaluate((body) => {
    const scope = globalThis as unknown as { browser?: ExtensionGlobals; chrome: ExtensionGlobals };
    return (scope.browser ?? scope.chrome).runtime.sendMessage(body);
  }, message) as Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
}

/** The reading list as stored, read from an extension page (the popup's own database). */
export function storedEntries(page: FlowPage) {
  return page.evaluate(
    () =>
      new Promise<{ paperId: string; note: string; tags: string[]; status: string }[]>(
        (resolve, reject) => {
          const opening = indexedDB.open('paperpeek');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const db = opening.result;
            const read = db.transaction('readingList').objectStore('readingList').getAll();
            read.onerror = () => reject(read.error);
            read.onsuccess = () => {
              db.close();
              resolve(
                read.result as { paperId: string; note: string; tags: string[]; status: string }[],
              );
            };
          };
        },
      ),
    undefined,
  );
}

/**
 * The state the page flows start from: the bundled digest loaded and cards opening with no dwell
 * (set from an extension page, closed after).
 */
export async function readyWithoutDwell(session: FlowSession): Promise<void> {
  const page = await session.openExtensionPage('popup.html');
  await waitForBundledDigest(page);
  await setLocal(page, { settings: { hoverDelayMs: 0 } });
  await page.close();
}

/** Writes `storage.local` from an extension page. */
export function setLocal(page: FlowPage, items: Record<string, unknown>) {
  return page.evaluate((values) => {
    const scope = globalThis as unknown as { browser?: ExtensionGlobals; chrome: ExtensionGlobals };
    return (scope.browser ?? scope.chrome).storage.local.set(values);
  }, items);
}
