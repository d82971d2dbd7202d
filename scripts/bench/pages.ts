/**
 * Page benchmarks (issue budgets: ≤ 2 ms at injection, < 10 µs per pointer event, no long task
 * over 50 ms from the extension, ≤ 50 ms p95 from the end of the dwell to the card on screen).
 * Every page runs twice in one run, with and without the extension, on generated pages served
 * from 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import bundled from '../../assets/digest.json';
import {
  launchBrowser,
  summarise,
  timeToCard,
  writeLinkReaderExtension,
  writeMinimalExtension,
  writePaperPeekRunAt,
} from './browser';
import { traceExtensionWork } from './trace';
import { offlinePage, readRealPage, REAL_PAGES } from '../lib/offline-page';

const FORMS = [
  (id: string) => `https://arxiv.org/abs/${id}`,
  (id: string) => `https://arxiv.org/pdf/${id}v2`,
  (id: string) => `https://huggingface.co/papers/${id}`,
  (id: string) => `https://www.alphaxiv.org/abs/${id}`,
];
const ids = bundled.papers.map((paper) => paper.id);

/** A page of `count` links: a third to digest papers in varied forms, the rest ordinary. */
function linkPage(count: number, appendBatches = 0): string {
  const links: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const form = FORMS[i % FORMS.length];
    const href =
      i % 3 === 0 && form ? form(ids[i % ids.length] ?? '') : `https://example.org/article/${i}`;
    links.push(`<a id="l${i}" href="${href}">link number ${i}</a>`);
  }
  const appender = appendBatches
    ? `<script>
let batch = 0;
window.appendDone = new Promise((done) => {
  const timer = setInterval(() => {
    const frag = document.createDocumentFragment();
    for (let i = 0; i < 100; i += 1) {
      const a = document.createElement('a');
      const n = batch * 100 + i;
      a.href = n % 3 === 0 ? 'https://arxiv.org/abs/${ids[0]}' : 'https://example.org/more/' + n;
      a.textContent = 'more ' + n;
      frag.append(a, ' ');
    }
    document.getElementById('feed').append(frag);
    if (++batch === ${appendBatches}) { clearInterval(timer); done(); }
  }, 30);
});
</script>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<style>a{margin-right:6px}p,#feed{max-width:900px}</style></head><body><p>${links.join(' ')}</p><div id="feed"></div>${appender}</body></html>`;
}

/**
 * A page whose load never ends: an image and an async script whose server never answers, as a
 * news page's ad and tracker scripts do when their servers are slow. The text is readable at
 * once; `load` never fires.
 */
function hangingPage(): string {
  return linkPage(200).replace(
    '</body>',
    '<img src="/never.png" alt=""><script async src="/never.js"></script></body>',
  );
}

/**
 * A page whose parser is held mid-body by a script that never arrives (an ad tag): its first 200
 * links are on screen, the rest never parsed; readyState stays "loading".
 */
function parserHeldPage(): string {
  return linkPage(200).replace(
    '<div id="feed">',
    '<script src="/never-blocking.js"></script><div id="feed">',
  );
}

/**
 * A page parsed whole whose DOMContentLoaded waits on a deferred script that never arrives:
 * readyState "interactive", and no DOMContentLoaded, for good.
 */
function deferredHeldPage(): string {
  return linkPage(200).replace(
    '</title>',
    '</title><script defer src="/never-deferred.js"></script>',
  );
}

/** Installed before any page script: when the first link got its marker (the script is running). */
const WATCH_FIRST_MARKER = () => {
  const w = window as unknown as { firstMarkerAt?: number };
  new MutationObserver((records, observer) => {
    if (records.some((record) => record.attributeName === 'data-paperpeek')) {
      w.firstMarkerAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-paperpeek'] });
};

/**
 * From the links showing (the first contentful paint) to the first link marked: the content
 * script has started and the worker has answered it, so a card can open from then on. Null when
 * no link was marked within `timeoutMs` (a script that never runs on that page).
 */
async function shownToFirstMarker(
  context: BrowserContext,
  url: string,
  timeoutMs = 15_000,
): Promise<number | null> {
  const page = await context.newPage();
  await page.addInitScript(WATCH_FIRST_MARKER);
  // Not waiting for DOMContentLoaded or load: the pages measured here may never have either.
  await page.goto(url, { waitUntil: 'commit' });
  const marked = await page
    .waitForFunction(
      () => (window as unknown as { firstMarkerAt?: number }).firstMarkerAt !== undefined,
      undefined,
      { timeout: timeoutMs },
    )
    .then(
      () => true,
      () => false,
    );
  const ms = marked
    ? await page.evaluate(() => {
        const [paint] = performance.getEntriesByName('first-contentful-paint');
        const at = (window as unknown as { firstMarkerAt: number }).firstMarkerAt;
        return at - (paint?.startTime ?? 0);
      })
    : null;
  await page.close();
  return ms;
}

/** Installed before any page script: collects long tasks from the start of the load. */
const OBSERVE_LONG_TASKS = () => {
  const w = window as unknown as { longTasks: number[] };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

interface PageFigures {
  loadMs: number;
  longestTaskMs: number;
}

/** Loads a page (and lets an infinite page append all its batches), tracing the extension's work. */
async function measurePage(
  context: BrowserContext,
  url: string,
  settleMs: number,
  infinite: boolean,
) {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  let figures: PageFigures = { loadMs: 0, longestTaskMs: 0 };
  const work = await traceExtensionWork(page, async () => {
    await page.goto(url, { waitUntil: 'load' });
    if (infinite)
      await page.evaluate(() => (window as unknown as { appendDone: Promise<void> }).appendDone);
    await page.waitForTimeout(settleMs);
    figures = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      const w = window as unknown as { longTasks: number[] };
      return { loadMs: navigation?.loadEventEnd ?? 0, longestTaskMs: Math.max(0, ...w.longTasks) };
    });
  });
  await page.close();
  return { ...figures, extension: work };
}

/**
 * The renderer's script time for loading an empty page, from Chromium's own counter (tracing
 * would inflate it): with no page script, it is the content script's injection and start-up.
 */
async function injectionScriptMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  await page.close();
  return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/**
 * A page of `count` links, ready for trusted pointer sweeps (CDP input) from link to link. Each
 * sweep returns the renderer's script time it cost, from Chromium's own counters (no tracing,
 * which would inflate every call).
 */
async function pointerSweeps(
  context: BrowserContext,
  url: string,
  count: number,
): Promise<{ sweepMs(): Promise<number>; moves: number; close(): Promise<void> }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1_500);
  const points = await page.evaluate(
    (n) =>
      Array.from(document.querySelectorAll('a'))
        .slice(0, n)
        .map((a) => {
          const r = a.getBoundingClientRect();
          return [r.left + 2, r.top + r.height / 2] as const;
        })
        .filter(([, y]) => y > 0 && y < 790),
    count,
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptMs = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const sweep = async () => {
    for (const [x, y] of points)
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  };
  await sweep(); // warm-up: not measured
  return {
    moves: points.length,
    async sweepMs() {
      const before = await scriptMs();
      await sweep();
      return (await scriptMs()) - before;
    },
    close: () => page.close(),
  };
}

/**
 * The pointer sweep in every browser, in turns: round after round, each browser sweeps once (the
 * order rotating), so a slow moment of this machine falls on all of them alike. Per browser, the
 * median µs of script per move; PaperPeek's own work is the median over rounds of its difference
 * to the link reader in the same round, per event (a move from link to link is two events).
 */
async function pointerInTurns(
  contestants: [string, BrowserContext][],
  url: string,
): Promise<Record<string, unknown>> {
  const pages: [string, Awaited<ReturnType<typeof pointerSweeps>>][] = [];
  for (const [name, context] of contestants)
    pages.push([name, await pointerSweeps(context, url, 300)]);
  const perMove = new Map<string, number[]>(contestants.map(([name]) => [name, []]));
  for (let round = 0; round < POINTER_ROUNDS; round += 1) {
    for (let turn = 0; turn < pages.length; turn += 1) {
      const [name, sweeps] = pages[(round + turn) % pages.length] as (typeof pages)[number];
      perMove.get(name)?.push(((await sweeps.sweepMs()) * 1000) / sweeps.moves);
    }
  }
  for (const [, sweeps] of pages) await sweeps.close();
  const perRound = (name: string) => perMove.get(name) ?? [];
  const beyondReader = (name: string) =>
    median(perRound(name).map((us, index) => (us - (perRound('linkReader')[index] ?? 0)) / 2));
  return {
    moves: (pages[0]?.[1].moves ?? 0) * POINTER_ROUNDS,
    rounds: POINTER_ROUNDS,
    scriptUsPerMove: Object.fromEntries(
      contestants.map(([name]) => [name, round(median(perRound(name)))]),
    ),
    ownUsPerEventBeyondLinkReader: Object.fromEntries(
      contestants
        .filter(([name]) => name === 'extension' || name === 'before')
        .map(([name]) => [name, round(beyondReader(name))]),
    ),
  };
}

/**
 * Time from the pointer reaching a link (dwell set to 0, so the dwell ends there) to the card's
 * first frame on screen. The page sees the card's host element change; rAF marks the paint.
 */
async function hoverToCard(
  context: BrowserContext,
  url: string,
  samples: number,
): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1_000);
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const id = `#l${(i * 3 * 7) % 900}`; // known links, spread over the page
    await page.mouse.move(1250, 400); // an empty column right of the links
    await page.waitForTimeout(450); // past the grace period: the previous card is gone
    await page.locator(id).scrollIntoViewIfNeeded();
    const box = await page.locator(id).boundingBox();
    if (!box) continue;
    const armed = page.locator(id).evaluate(timeToCard);
    await page.waitForTimeout(20);
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    const elapsed = await Promise.race([armed, page.waitForTimeout(3_000).then(() => Number.NaN)]);
    if (Number.isNaN(elapsed)) throw new Error(`no card within 3 s for ${id}`);
    times.push(elapsed);
  }
  await page.close();
  return times;
}

/** `PAPERPEEK_PAGES=injection,pointer` runs only those parts (default: all of them). */
const wantedParts = process.env.PAPERPEEK_PAGES?.split(',');
const want = (part: string) => !wantedParts || wantedParts.includes(part);

/** Starts `server` on a free port of 127.0.0.1; its origin. */
async function listenLocally(server: Server): Promise<string> {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

export async function benchPages(): Promise<Record<string, unknown>> {
  // The real pages' scripts that never arrive come from a third party of their own, another
  // origin (a browser opens at most six connections to one; see scripts/lib/offline-page.ts).
  const thirdParty = createServer(() => undefined);
  const thirdPartyOrigin = await listenLocally(thirdParty);
  const pages = new Map<string, string>([
    ...REAL_PAGES.map(
      ([, name]) =>
        [`/real/${name}`, offlinePage(readRealPage(name), thirdPartyOrigin).html] as const,
    ),
    ['/empty', linkPage(0)],
    ['/1000', linkPage(1_000)],
    ['/10000', linkPage(10_000)],
    ['/50000', linkPage(50_000)],
    ['/infinite', linkPage(0, 100)],
    ['/hanging', hangingPage()],
    ['/parser-held', parserHeldPage()],
    ['/deferred-held', deferredHeldPage()],
  ]);
  const server = createServer((request, response) => {
    // The never-answering third parties of the held pages: the request stays open.
    if (request.url?.startsWith('/never')) return;
    const html = pages.get(request.url ?? '');
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html' }).end(html ?? 'not found');
  });
  const origin = await listenLocally(server);

  const results: Record<string, unknown> = {};
  const withExtension = await launchBrowser(true);
  const without = await launchBrowser(false);
  const minimal = await launchBrowser(false, await writeMinimalExtension());
  try {
    // A first page in each browser warms it up (process start, caches); it is not measured.
    for (const browser of [withExtension, without, minimal])
      await measurePage(browser.context, `${origin}/1000`, 500, false);
    if (want('injection')) {
      console.log('  measuring injection');
      // Alternating loads of the empty page: PaperPeek against the floor for any such script,
      // and against the build before a change (PAPERPEEK_BEFORE_DIR) when there is one.
      const beforeDir = process.env.PAPERPEEK_BEFORE_DIR;
      const before = beforeDir ? await launchBrowser(true, undefined, beforeDir) : null;
      const injection = {
        paperPeek: [] as number[],
        minimal: [] as number[],
        before: [] as number[],
      };
      if (before) await injectionScriptMs(before.context, `${origin}/empty`);
      for (let round = 0; round < INJECTION_LOADS; round += 1) {
        injection.paperPeek.push(await injectionScriptMs(withExtension.context, `${origin}/empty`));
        injection.minimal.push(await injectionScriptMs(minimal.context, `${origin}/empty`));
        if (before)
          injection.before.push(await injectionScriptMs(before.context, `${origin}/empty`));
      }
      await before?.close();
      const paperPeekMs = median(injection.paperPeek);
      const minimalMs = median(injection.minimal);
      if (before) {
        const beforeMs = median(injection.before);
        results['injection, the build before'] = {
          beforeMs,
          paperPeekMs,
          ratio: round(paperPeekMs / Math.max(beforeMs, 0.001)),
        };
      }
      results.injection = {
        loads: INJECTION_LOADS,
        paperPeekMs: {
          median: paperPeekMs,
          p25: quantile(injection.paperPeek, 0.25),
          p75: quantile(injection.paperPeek, 0.75),
        },
        minimalContentScriptMs: {
          median: minimalMs,
          p25: quantile(injection.minimal, 0.25),
          p75: quantile(injection.minimal, 0.75),
        },
        ratio: round(paperPeekMs / Math.max(minimalMs, 0.001)),
      };
    }
    // The build before a change, side by side on each page (PAPERPEEK_BEFORE_DIR).
    const pagesBeforeDir = want('pages') ? process.env.PAPERPEEK_BEFORE_DIR : undefined;
    const pagesBefore = pagesBeforeDir
      ? await launchBrowser(true, undefined, pagesBeforeDir)
      : null;
    if (pagesBefore) await measurePage(pagesBefore.context, `${origin}/1000`, 500, false);
    for (const [path, settleMs] of want('pages')
      ? ([
          ['/empty', 1_000],
          ['/1000', 1_500],
          ['/10000', 2_500],
          ['/50000', 6_000],
          ['/infinite', 2_000],
        ] as const)
      : []) {
      console.log(`  measuring ${path}`);
      const a = await measurePage(
        withExtension.context,
        origin + path,
        settleMs,
        path === '/infinite',
      );
      const b = await measurePage(without.context, origin + path, settleMs, path === '/infinite');
      const c = pagesBefore
        ? await measurePage(pagesBefore.context, origin + path, settleMs, path === '/infinite')
        : null;
      results[`page ${path}`] = {
        extensionScriptMs: a.extension.scriptMs,
        extensionLongestTaskMs: a.extension.longestTaskMs,
        extensionOwnLongestInTaskMs: a.extension.ownLongestInTaskMs,
        longestTaskMs: { extension: a.longestTaskMs, pageAlone: b.longestTaskMs },
        loadMs: {
          extension: round(a.loadMs),
          pageAlone: round(b.loadMs),
          ratio: round(a.loadMs / Math.max(b.loadMs, 0.001)),
        },
        ...(c
          ? {
              before: {
                extensionScriptMs: c.extension.scriptMs,
                extensionLongestTaskMs: c.extension.longestTaskMs,
                extensionOwnLongestInTaskMs: c.extension.ownLongestInTaskMs,
                loadMs: round(c.loadMs),
              },
            }
          : {}),
      };
    }
    await pagesBefore?.close();
    if (want('hanging')) {
      console.log('  measuring pages still loading');
      // The same build with its script at document_end (what it was) against document_start.
      const endBuild = await launchBrowser(
        true,
        undefined,
        await writePaperPeekRunAt('document_end'),
      );
      // Its worker loads the bundled digest first: a page marked once means it is ready.
      await shownToFirstMarker(endBuild.context, `${origin}/1000`);
      await shownToFirstMarker(withExtension.context, `${origin}/1000`);
      const heldPages: (readonly [path: string, name: string, loads: number])[] = [
        ['/hanging', 'page whose load never ends', HANGING_LOADS],
        ['/parser-held', 'page whose parser is held mid-body', HANGING_LOADS],
        ['/deferred-held', 'page whose DOMContentLoaded waits on a deferred script', HANGING_LOADS],
        // Real pages saved from the web, their scripts in the body never arriving.
        ...REAL_PAGES.map(
          ([what, file]) =>
            [`/real/${file}`, `real page, ${what}, held offline`, REAL_LOADS] as const,
        ),
      ];
      for (const [path, name, loads] of heldPages) {
        const held = { documentStart: [] as number[], documentEnd: [] as (number | null)[] };
        for (let round = 0; round < loads; round += 1) {
          const start = await shownToFirstMarker(withExtension.context, origin + path);
          if (start !== null) held.documentStart.push(start);
          held.documentEnd.push(await shownToFirstMarker(endBuild.context, origin + path));
        }
        const endMarked = held.documentEnd.filter((ms): ms is number => ms !== null);
        results[name] = {
          loads,
          linksShownToFirstMarkerMs: {
            documentStart: {
              median: median(held.documentStart),
              max: round(Math.max(...held.documentStart)),
              unmarked: loads - held.documentStart.length,
            },
            documentEnd: {
              median: endMarked.length ? median(endMarked) : null,
              unmarkedWithin15s: loads - endMarked.length,
            },
          },
        };
      }
      await endBuild.close();
    }
    if (want('pointer')) {
      console.log('  measuring pointer events');
      // The default 300 ms dwell: moves from link to link are faster, so no card opens.
      const linkReader = await launchBrowser(false, await writeLinkReaderExtension());
      // The build before a change, side by side (PAPERPEEK_BEFORE_DIR: another build's folder).
      const beforeDir = process.env.PAPERPEEK_BEFORE_DIR;
      const before = beforeDir ? await launchBrowser(true, undefined, beforeDir) : null;
      try {
        results['pointer event'] = await pointerInTurns(
          [
            ['extension', withExtension.context],
            ['pageAlone', without.context],
            ['noopListeners', minimal.context],
            ['linkReader', linkReader.context],
            ...(before ? [['before', before.context] as [string, BrowserContext]] : []),
          ],
          `${origin}/1000`,
        );
      } finally {
        await linkReader.close();
        await before?.close();
      }
    }
    if (want('hover')) {
      console.log('  measuring hover to card');
      // Dwell 0: the card's own latency is measured, not the configured wait.
      await withExtension.setSettings({ hoverDelayMs: 0 });
      results['hover to card'] = summarise(
        await hoverToCard(withExtension.context, `${origin}/1000`, 40),
      );
    }
  } finally {
    await withExtension.close();
    await without.close();
    await minimal.close();
    server.closeAllConnections();
    server.close();
    thirdParty.closeAllConnections();
    thirdParty.close();
  }
  return results;
}

const INJECTION_LOADS = 25;
const HANGING_LOADS = 5;
/** Fewer: a real page the build before never marks waits the whole 15 s each time. */
const REAL_LOADS = 3;
/** Rounds of measured sweeps (each browser once a round), after a warm-up sweep each. */
const POINTER_ROUNDS = 8;

function quantile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor((sorted.length - 1) * fraction)] ?? 0);
}

const median = (values: number[]) => quantile(values, 0.5);

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
