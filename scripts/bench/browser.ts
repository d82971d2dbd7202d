/**
 * Browsers for the benchmarks: Chromium with the built extension, and the same Chromium without
 * it, each in a fresh profile, so every figure can be given as a ratio to the page alone.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { extensionLaunchArgs, findBrowser, NO_BROWSER_HELP } from '../lib/find-browser';

/**
 * The build measured: this checkout's, or another one's (`PAPERPEEK_EXTENSION_DIR`, for a
 * side-by-side run against the build before a change).
 */
export const EXTENSION_DIR =
  process.env.PAPERPEEK_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker (only with the extension). */
  worker: Worker | null;
  /** An extension page's URL (only with the extension). */
  extensionUrl(path: string): string;
  /** Replaces PaperPeek's settings (only with the extension). */
  setSettings(settings: object): Promise<void>;
  /** The extension worker's JS heap after a collection, in MB (only with the extension). */
  workerHeapMB(): Promise<number>;
  /** A DevTools session on the extension's worker (only with the extension). */
  workerDevTools(): Promise<WorkerDevTools>;
  close(): Promise<void>;
}

/** What PaperPeek's content script does at start besides its listeners, doing nothing more. */
const STARTUP = [
  "chrome.storage.local.get('settings').then(() => {});",
  'chrome.storage.onChanged.addListener(() => {});',
  'chrome.runtime.onMessage.addListener(() => {});',
];

/**
 * The built extension with its content script run at `runAt`: the build before a change of when
 * the script starts, side by side with the build after it.
 */
export async function writePaperPeekRunAt(
  runAt: 'document_idle' | 'document_end' | 'document_start',
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `paperpeek-${runAt}-`));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts: { run_at: string }[];
  };
  for (const script of manifest.content_scripts) script.run_at = runAt;
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * The floor for a content script of PaperPeek's kind: it reads its settings, listens for their
 * changes and for messages, and registers PaperPeek's four document listeners, which do nothing.
 * Its injection cost and its cost per pointer event are what any such script pays.
 */
export async function writeMinimalExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'paperpeek-minimal-'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'minimal content script',
      version: '1.0',
      permissions: ['storage'],
      content_scripts: [
        { matches: ['<all_urls>'], js: ['content.js'], all_frames: true, run_at: 'document_idle' },
      ],
    }),
  );
  await writeFile(
    join(dir, 'content.js'),
    [
      "for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout']) document.addEventListener(type, () => {}, { capture: true, passive: true });",
      ...STARTUP,
    ].join('\n'),
  );
  return dir;
}

/**
 * The floor for a link previewer: the minimal script's listeners find the link under the pointer
 * (`isTrusted`, the target, `closest('a[href]')`, a WeakMap read) and do nothing more. Touching
 * the event's target from an isolated world is a cost any such script pays.
 */
export async function writeLinkReaderExtension(): Promise<string> {
  const dir = await writeMinimalExtension();
  await writeFile(
    join(dir, 'content.js'),
    [
      'const seen = new WeakMap();',
      'const look = (event) => {',
      '  if (!event.isTrusted) return;',
      "  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;",
      '  if (anchor) seen.get(anchor);',
      '};',
      "for (const type of ['pointerover', 'pointerout', 'focusin', 'focusout']) document.addEventListener(type, look, { capture: true, passive: true });",
      ...STARTUP,
    ].join('\n'),
  );
  return dir;
}

export async function launchBrowser(
  withExtension: boolean,
  otherExtensionDir?: string,
  paperPeekDir: string = EXTENSION_DIR,
): Promise<BenchBrowser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(NO_BROWSER_HELP);
  const profile = await mkdtemp(join(tmpdir(), 'paperpeek-bench-'));
  const base = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: withExtension
      ? // A debugging port of its own: the worker's heap is read through the browser's CDP.
        [...extensionLaunchArgs(paperPeekDir), '--disable-gpu', '--remote-debugging-port=0']
      : otherExtensionDir
        ? [...extensionLaunchArgs(otherExtensionDir), '--disable-gpu']
        : base,
  });
  let extensionPage: import('playwright-core').Page | null = null;
  let extensionId = '';
  let worker: Worker | null = null;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    extensionPage = page;
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    // The bundled digest is loaded before anything is measured.
    await page.waitForFunction(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            runtime: { sendMessage(m: object): Promise<{ value?: { paperCount: number } }> };
          };
        }
      ).chrome;
      const reply = await chrome.runtime.sendMessage({ type: 'status', data: {} });
      return (reply.value?.paperCount ?? 0) > 0;
    });
  }
  return {
    context,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async setSettings(settings) {
      await extensionPage?.evaluate(
        (value) =>
          (
            globalThis as unknown as {
              chrome: { storage: { local: { set(v: object): Promise<void> } } };
            }
          ).chrome.storage.local.set({ settings: value }),
        settings,
      );
    },
    async workerHeapMB() {
      const worker = await attachToWorker(profile);
      try {
        await worker.call('HeapProfiler.collectGarbage');
        const { usedSize } = (await worker.call('Runtime.getHeapUsage')) as { usedSize: number };
        return Math.round((usedSize / 2 ** 20) * 10) / 10;
      } finally {
        await worker.detach();
      }
    },
    workerDevTools: () => attachToWorker(profile),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface WorkerDevTools {
  call(method: string, params?: object): Promise<unknown>;
  detach(): Promise<void>;
}

/**
 * The extension worker's DevTools session, through the browser's own debugging port: Playwright's
 * pipe has no way to a service worker's heap or profiler. Chromium names the port it chose in
 * the profile directory.
 */
async function attachToWorker(profile: string): Promise<WorkerDevTools> {
  const [port] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string }[];
  };
  const target = targetInfos.find((info) => info.type === 'service_worker');
  if (!target) {
    await browser.close();
    throw new Error('no service worker target');
  }
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  let next = 1;
  return {
    call: (method, params = {}) =>
      new Promise<unknown>((resolve) => {
        const id = next++;
        const listener = (event: { message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: unknown };
          if (message.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', listener);
          resolve(message.result);
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        });
      }),
    detach: () => browser.close(),
  };
}

export function summarise(values: number[]): {
  median: number;
  p95: number;
  max: number;
  n: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
}

/**
 * Run in the page on a link, before the pointer reaches it: the time from the link's
 * `pointerover` to the card's first frame on screen (the card's host element shown, then a
 * frame). With a dwell (the setting's `hoverDelayMs`, passed the same), the time from the
 * dwell's end: what the user waits once the card is due. Passed to `evaluate`, so it uses
 * nothing outside itself.
 */
export function timeToCard(link: Element, dwellMs = 0): Promise<number> {
  return new Promise<number>((resolve) => {
    let start = 0;
    link.addEventListener('pointerover', (event) => (start = event.timeStamp), { once: true });
    const observer = new MutationObserver(() => {
      const host = document.querySelector('paperpeek-card') as HTMLElement | null;
      if (host && start && !host.style.cssText.includes('display: none')) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start - dwellMs));
      }
    });
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['style'],
    });
  });
}
