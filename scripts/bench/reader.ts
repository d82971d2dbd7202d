/**
 * `npm run bench -- reader`: PaperPeek's reader against a bare page that shows the same PDF with
 * PDF.js's viewer components alone, side by side in one Chromium, in turns: the first page
 * painted from the PDF's bytes, the time to read and resolve every citation after that paint and
 * the long tasks meanwhile, the page's heap, and the reader's own code (PDF.js excluded). The PDF
 * is the 40-page two-column fixture with 80 references (tests/fixtures/pdf/long-two-column.pdf).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { basename, extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchBrowser, summarise, timeToCard, type BenchBrowser } from './browser';
import { readReferences } from './papers';
import { compareScrollCosts, scrollCost, type ScrollCost } from './reader-scroll';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const ROOT = resolve(import.meta.dirname, '../..');
const PDF = resolve(ROOT, 'tests/fixtures/pdf/long-two-column.pdf');
const PDFJS = resolve(ROOT, 'node_modules/pdfjs-dist');
const ROUNDS = Number(process.env.PAPERPEEK_READER_ROUNDS ?? 6);
const PAPER_ROUNDS = Number(process.env.PAPERPEEK_PAPER_ROUNDS ?? 3);
const VERBOSE = process.env.PAPERPEEK_BENCH_VERBOSE === '1';
const PAPER_HOVERS = Number(process.env.PAPERPEEK_PAPER_HOVERS ?? 20);
/** Runs of 16 page jumps, reader and bare page in turns: for the fixture, and for each paper. */
const SCROLL_RUNS = Number(process.env.PAPERPEEK_SCROLL_RUNS ?? 3);
const PAPER_SCROLL_RUNS = Number(process.env.PAPERPEEK_PAPER_SCROLL_RUNS ?? 1);

/** The bare page: PDF.js's viewer components, set up as the reader sets them up, nothing else. */
const BARE_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css">
<style>#c{position:absolute;inset:0;overflow:auto}</style></head>
<body><div id="c"><div id="v" class="pdfViewer"></div></div>
<script type="module">
import * as pdfjsLib from '/pdfjs/build/pdf.min.mjs';
globalThis.pdfjsLib = pdfjsLib;
pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
const { EventBus, PDFLinkService, PDFFindController, PDFViewer } = await import('/pdfjs/web/pdf_viewer.mjs');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const findController = new PDFFindController({ eventBus, linkService });
const viewer = new PDFViewer({ container: document.getElementById('c'), viewer: document.getElementById('v'), eventBus, linkService, findController, textLayerMode: 1, annotationMode: pdfjsLib.AnnotationMode.ENABLE });
linkService.setViewer(viewer);
eventBus.on('pagesinit', () => { viewer.currentScaleValue = 'page-width'; });
let painted = false;
eventBus.on('pagerendered', () => { if (!painted) { painted = true; performance.mark('paperpeek:first-paint'); } });
window.openBytes = async (base64) => {
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  performance.mark('paperpeek:pdf-bytes');
  const pdf = await pdfjsLib.getDocument({ data, isEvalSupported: false, useSystemFonts: true }).promise;
  viewer.setDocument(pdf);
  linkService.setDocument(pdf, null);
};
window.ready = true;
</script></body></html>`;

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
};

function serve(): Promise<Server & { url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/bare.html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(BARE_PAGE);
      return;
    }
    if (path.startsWith('/pdfjs/') && !path.includes('..')) {
      readFile(resolve(PDFJS, path.slice('/pdfjs/'.length))).then(
        (body) => {
          response.writeHead(200, {
            'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
          });
          response.end(body);
        },
        () => {
          response.writeHead(404);
          response.end();
        },
      );
      return;
    }
    response.writeHead(404);
    response.end();
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done(Object.assign(server, { url: `http://127.0.0.1:${port}` }));
    }),
  );
}

/** Milliseconds between two performance marks of the page, once both are there. */
async function between(page: Page, from: string, to: string, timeoutMs = 20_000): Promise<number> {
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name).length > 0,
    `paperpeek:${to}`,
    { timeout: timeoutMs },
  );
  return page.evaluate(
    ([a, b]) =>
      (performance.getEntriesByName(`paperpeek:${b}`)[0]?.startTime ?? Number.NaN) -
      (performance.getEntriesByName(`paperpeek:${a}`)[0]?.startTime ?? Number.NaN),
    [from, to],
  );
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

/** The reader's own code: its chunks and the shared ones it loads, PDF.js's files excluded. */
function readerCodeSizes(): { readerKB: number; pdfjsKB: number } {
  const gz = (file: string) =>
    gzipSync(readFileSync(resolve(EXTENSION_DIR, file)), { level: 9 }).length;
  const chunks = readdirSync(resolve(EXTENSION_DIR, 'chunks'));
  const reader = chunks
    .filter((file) => file.startsWith('reader-'))
    .map((file) => `chunks/${file}`);
  const viewer = chunks
    .filter((file) => file.startsWith('pdf_viewer-'))
    .map((file) => `chunks/${file}`);
  const pdfjsCore = gz(resolve(PDFJS, 'build/pdf.min.mjs'));
  const readerTotal = reader.reduce((sum, file) => sum + gz(file), 0);
  const viewerTotal = viewer.reduce((sum, file) => sum + gz(file), 0);
  // The reader chunk holds PDF.js's core (the same code as pdf.min.mjs, minified once more).
  return {
    readerKB: Math.round(((readerTotal - pdfjsCore) / 1024) * 10) / 10,
    pdfjsKB: Math.round(((pdfjsCore + viewerTotal) / 1024) * 10) / 10,
  };
}

/** The window the scrolling and hover figures are taken in. */
const READING_VIEWPORT = { width: 1280, height: 900 };

/**
 * The reader on `pdf`, chosen as a user chooses a file, once its citations are read;
 * `beforeOpening` runs on the reader's page before the file is chosen.
 */
async function readerWithCitationsRead(
  browser: BenchBrowser,
  pdf: string,
  beforeOpening?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(READING_VIEWPORT);
  await page.goto(browser.extensionUrl('reader.html'));
  await beforeOpening?.(page);
  await page.getByLabel('Choose a PDF').setInputFiles(pdf);
  await page.waitForFunction(() => performance.getEntriesByName('paperpeek:citations').length > 0);
  return page;
}

/** The bare page, ready to be handed a PDF's bytes (`openBytes`). */
async function openBarePage(browser: BenchBrowser, bareUrl: string): Promise<Page> {
  const plain = await browser.context.newPage();
  await plain.goto(bareUrl);
  await plain.waitForFunction(() => (globalThis as { ready?: boolean }).ready === true);
  return plain;
}

function openBytes(plain: Page, bytes: Buffer): Promise<void> {
  return plain.evaluate(
    (base64) =>
      (globalThis as unknown as { openBytes(b: string): Promise<void> }).openBytes(base64),
    bytes.toString('base64'),
  );
}

/**
 * Scrolling through `pdf` (reader-scroll.ts), in the reader once its citations are resolved and
 * in the bare page once its first page is painted, in turns, `runs` times each.
 */
async function scrollInTurns(browser: BenchBrowser, bareUrl: string, pdf: string, runs: number) {
  const bytes = await readFile(pdf);
  const reader: ScrollCost[] = [];
  const bare: ScrollCost[] = [];
  for (let run = 0; run < runs; run += 1) {
    const page = await readerWithCitationsRead(browser, pdf);
    await page.waitForTimeout(1_500);
    reader.push(await scrollCost(page));
    await page.close();

    const plain = await openBarePage(browser, bareUrl);
    await plain.setViewportSize(READING_VIEWPORT);
    await openBytes(plain, bytes);
    await plain.waitForFunction(
      () => performance.getEntriesByName('paperpeek:first-paint').length > 0,
    );
    await plain.waitForTimeout(1_500);
    bare.push(await scrollCost(plain));
    await plain.close();
  }
  return compareScrollCosts(reader, bare);
}

/** One PDF measured in turns against the bare page: first paints, citations, heap, and tasks. */
async function measureReader(
  browser: BenchBrowser,
  bareUrl: string,
  pdf: string,
  rounds: number,
): Promise<ReaderFigures> {
  const bytes = await readFile(pdf);
  const reader: number[] = [];
  const bare: number[] = [];
  const citations: number[] = [];
  const longTasks: number[] = [];
  const ownWork: number[] = [];
  let readerHeap = 0;
  let bareHeap = 0;
  let found = '';
  for (let round = 0; round < rounds; round += 1) {
    // In turns, a fresh page each: the machine's noise falls on both alike.
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('reader.html'));
    await page.evaluate(() => {
      (globalThis as { longTasks?: number[] }).longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (globalThis as { longTasks?: number[] }).longTasks?.push(entry.startTime, entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByLabel('Choose a PDF').setInputFiles(pdf);
    reader.push(await between(page, 'pdf-bytes', 'first-paint'));
    citations.push(await between(page, 'first-paint', 'citations'));
    const window = await page.evaluate(() => ({
      from: performance.getEntriesByName('paperpeek:first-paint')[0]?.startTime ?? 0,
      to: performance.getEntriesByName('paperpeek:citations')[0]?.startTime ?? 0,
      tasks: (globalThis as { longTasks?: number[] }).longTasks ?? [],
      // The reader's own stretches of work (lib/reader/own-work.ts), from opening to now.
      own: performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('paperpeek:own:'))
        .map((entry) => entry.duration),
    }));
    ownWork.push(...window.own);
    for (let i = 0; i < window.tasks.length; i += 2) {
      const start = window.tasks[i] ?? 0;
      if (start >= window.from && start <= window.to) longTasks.push(window.tasks[i + 1] ?? 0);
    }
    if (round === rounds - 1) {
      readerHeap = await heapMB(page);
      found =
        (await page
          .locator('.reader__references')
          .textContent()
          .catch(() => '')) ?? '';
    }
    await page.close();

    const plain = await openBarePage(browser, bareUrl);
    await openBytes(plain, bytes);
    bare.push(await between(plain, 'pdf-bytes', 'first-paint'));
    if (round === rounds - 1) bareHeap = await heapMB(plain);
    await plain.close();
  }
  const readerFirst = summarise(reader);
  const bareFirst = summarise(bare);
  return {
    firstPaint: {
      reader: readerFirst,
      barePdfjs: bareFirst,
      ratioOfMedians: Math.round((readerFirst.median / bareFirst.median) * 100) / 100,
    },
    citations: {
      ms: summarise(citations),
      longTasksOver50ms: longTasks.filter((duration) => duration > 50).length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      // The reader's own work (not PDF.js's), each stretch that does not yield: the longest.
      ownLongestMs: Math.round(Math.max(0, ...ownWork) * 10) / 10,
      ownOver50ms: ownWork.filter((duration) => duration > 50).length,
      toolbarSays: found,
    },
    heapMB: { reader: readerHeap, barePdfjs: bareHeap },
  };
}

interface ReaderFigures {
  firstPaint: Record<string, unknown>;
  citations: Record<string, unknown>;
  heapMB: { reader: number; barePdfjs: number };
}

/** The dwell users have unless they change it (lib/settings.ts's default). */
const DEFAULT_DWELL_MS = DEFAULT_SETTINGS.hoverDelayMs;

/**
 * Hover to card in the reader, twice: with the dwell set to 0, the time from the pointer
 * reaching a citation or link to the card's first frame (as `npm run bench -- pages` measures
 * it on web pages), and with the default dwell, the time from the dwell's end to that frame,
 * which is what the budget names (the frame the pointer's arrival causes, and PDF.js's work on
 * the pages just scrolled to, then fall inside the dwell, as they do for a user).
 */
async function hoverInReader(browser: BenchBrowser, pdf: string, samples: number) {
  await browser.setSettings({ hoverDelayMs: 0 });
  const noDwell = await hoversInReader(browser, pdf, samples, 0);
  await browser.setSettings({ hoverDelayMs: DEFAULT_DWELL_MS });
  const afterDwell = await hoversInReader(browser, pdf, samples, DEFAULT_DWELL_MS);
  await browser.setSettings({ hoverDelayMs: 0 });
  return {
    'pointer to card, dwell 0': noDwell,
    [`dwell's end to card, dwell ${DEFAULT_DWELL_MS} ms`]: afterDwell,
  };
}

/**
 * For tracing a slow hover (PAPERPEEK_BENCH_VERBOSE=1): the long animation frames (over 50 ms)
 * from now on, each with the scripts that ran in it, so a slow card names what held it: PDF.js
 * drawing a page, the reader's code or the card's. Passed to `evaluate`.
 */
function watchLongFrames(): void {
  const seen: string[] = [];
  const page = globalThis as unknown as {
    paperpeekLongFrames: string[];
    paperpeekLongFrameObserver?: PerformanceObserver;
  };
  page.paperpeekLongFrameObserver?.disconnect();
  page.paperpeekLongFrames = seen;
  page.paperpeekLongFrameObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      duration: number;
      blockingDuration: number;
      renderStart: number;
      startTime: number;
      scripts: {
        invoker: string;
        sourceURL: string;
        sourceFunctionName: string;
        duration: number;
      }[];
    }[]) {
      const scripts = entry.scripts
        .map(
          (script) =>
            `${script.invoker} ${script.sourceFunctionName || '?'} in ${script.sourceURL.split('/').pop() ?? ''} ${script.duration.toFixed(0)} ms`,
        )
        .join('; ');
      seen.push(
        `long frame ${entry.duration.toFixed(0)} ms (rendering ${(entry.startTime + entry.duration - entry.renderStart).toFixed(0)} ms): ${scripts || 'no script'}`,
      );
    }
  });
  page.paperpeekLongFrameObserver.observe({ type: 'long-animation-frame' });
}

function longFramesSeen(): string[] {
  return (globalThis as unknown as { paperpeekLongFrames?: string[] }).paperpeekLongFrames ?? [];
}

/** Links spread over the pages, each after the previous card has gone. */
async function hoversInReader(
  browser: BenchBrowser,
  pdf: string,
  samples: number,
  dwellMs: number,
) {
  // Look-ups off: a paper the digest lacks would wait for arXiv, which this machine cannot reach
  // (and whose time is the network's). Every card then comes from this computer, as a digest
  // paper's does on a web page.
  const page = await readerWithCitationsRead(browser, pdf, (reader) =>
    reader.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ sourceSettings: { arxivLookups: false } }),
    ),
  );
  const times: number[] = [];
  let noCard = 0;
  let untimed = 0;
  // Citations, and the links the reader marked as papers (a link to a site that is no paper,
  // a shortener, gets no card, rightly).
  const links = page.locator('.annotationLayer a[href^="#cite."], a[data-paperpeek]');
  for (let i = 0; times.length < samples && i < samples * 3; i += 1) {
    await page.mouse.move(5, 5); // the toolbar: no link there
    await page.keyboard.press('Escape'); // and no card left open from the link before
    await page.waitForTimeout(450); // past the grace period: the previous card is gone
    // The timer sees the card's host shown; one still shown would not be seen again.
    const closed = await page
      .waitForFunction(
        () =>
          (document.querySelector('paperpeek-card') as HTMLElement | null)?.style.cssText.includes(
            'display: none',
          ) ?? true,
        undefined,
        { timeout: 2_000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!closed) continue;
    const count = await links.count();
    if (count === 0) break;
    // One element from here on: a locator is queried again at each use, and the list of links
    // grows as PDF.js draws pages, so `nth` would name another link by the time of the hover.
    const link = await links.nth((i * 7) % count).elementHandle();
    if (!link) continue;
    await link.scrollIntoViewIfNeeded().catch(() => undefined);
    const box = await link.boundingBox();
    if (!box || box.y < 60 || box.y > 880) continue;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // A link under another annotation (a reader's ink over a line) is not the pointer's to reach.
    if (
      !(await link.evaluate(
        (anchor, [px, py]) => anchor.contains(document.elementFromPoint(px ?? 0, py ?? 0)),
        [x, y],
      ))
    )
      continue;
    if (VERBOSE) await page.evaluate(watchLongFrames);
    const armed = link.evaluate(timeToCard, dwellMs);
    // As a reader does, the pointer comes to rest a moment after the scroll, while the pages
    // just scrolled into view are painted.
    await page.waitForTimeout(300);
    await page.mouse.move(x, y);
    const elapsed = await Promise.race([
      armed,
      page.waitForTimeout(3_000 + dwellMs).then(() => Number.NaN),
    ]);
    if (!Number.isNaN(elapsed)) {
      times.push(elapsed);
      // Which link each time was, to trace a slow one (PAPERPEEK_BENCH_VERBOSE=1).
      if (VERBOSE) {
        console.log(`    ${elapsed.toFixed(1)} ms: ${await link.getAttribute('href')}`);
        for (const frame of await page.evaluate(longFramesSeen)) console.log(`      ${frame}`);
      }
    } else {
      const visible = await page.evaluate(() => {
        const host = document.querySelector('paperpeek-card') as HTMLElement | null;
        return host !== null && !host.style.cssText.includes('display: none');
      });
      // A card on screen that the timer did not see start (its host shown before the link's
      // pointerover reached the timer) is no failure of the card's: it is not timed.
      if (visible) untimed += 1;
      else {
        noCard += 1;
        console.log(`    no card within 3 s: ${await link.getAttribute('href')}`);
      }
    }
  }
  await page.close();
  return { ...summarise(times), noCardWithin3s: noCard, shownButNotTimed: untimed };
}

export async function benchReader(): Promise<Record<string, unknown>> {
  const server = await serve();
  const browser = await launchBrowser(true);
  try {
    await browser.setSettings({ hoverDelayMs: 0 });
    const figures = await measureReader(browser, `${server.url}/bare.html`, PDF, ROUNDS);
    return {
      'first page painted from the bytes, 40 pages': figures.firstPaint,
      'every citation resolved after the first paint, 80 references': figures.citations,
      'hover to card in the reader, ms': await hoverInReader(browser, PDF, 40),
      'scrolling, 16 page jumps: main-thread work, ms': await scrollInTurns(
        browser,
        `${server.url}/bare.html`,
        PDF,
        SCROLL_RUNS,
      ),
      'heap after opening, MB': figures.heapMB,
      'code, gzip KB': readerCodeSizes(),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * `PAPERPEEK_REAL_PAPERS=<folder> npm run bench -- papers`: the same figures for every PDF in a
 * folder of real published papers (not in the repository: papers are their authors'), with what
 * the reader reads of each one's references (scripts/bench/papers.ts).
 */
export async function benchPapers(): Promise<Record<string, unknown>> {
  const folder = process.env.PAPERPEEK_REAL_PAPERS;
  if (!folder) {
    throw new Error(
      'Set PAPERPEEK_REAL_PAPERS to a folder of published papers as PDFs (arXiv papers, say).',
    );
  }
  const pdfs = readdirSync(folder)
    .filter((file) => file.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((file) => resolve(folder, file));
  const server = await serve();
  const browser = await launchBrowser(true);
  const results: Record<string, unknown> = {};
  try {
    await browser.setSettings({ hoverDelayMs: 0 });
    for (const pdf of pdfs) {
      const name = basename(pdf);
      console.log(`  ${name}`);
      const references = await readReferences(pdf);
      const figures = await measureReader(browser, `${server.url}/bare.html`, pdf, PAPER_ROUNDS);
      results[name] = {
        references,
        firstPaint: figures.firstPaint,
        citations: figures.citations,
        hoverToCardMs:
          references.citedReferences > 0 && PAPER_HOVERS > 0
            ? await hoverInReader(browser, pdf, PAPER_HOVERS)
            : null,
        scrolling:
          PAPER_SCROLL_RUNS > 0
            ? await scrollInTurns(browser, `${server.url}/bare.html`, pdf, PAPER_SCROLL_RUNS)
            : null,
        heapMB: figures.heapMB,
      };
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { 'real papers': results };
}
