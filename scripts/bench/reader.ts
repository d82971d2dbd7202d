/**
 * `npm run bench -- reader`: PaperPeek's reader against a bare page that shows the same PDF with
 * PDF.js's viewer components alone, side by side in one Chromium, in turns: the first page
 * painted from the PDF's bytes, the time to read and resolve every citation after that paint and
 * the long tasks meanwhile, the page's heap, and the reader's own code (PDF.js excluded). The PDF
 * is the 40-page two-column fixture with 80 references (tests/fixtures/pdf/long-two-column.pdf).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchBrowser, summarise } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const PDF = resolve(ROOT, 'tests/fixtures/pdf/long-two-column.pdf');
const PDFJS = resolve(ROOT, 'node_modules/pdfjs-dist');
const ROUNDS = Number(process.env.PAPERPEEK_READER_ROUNDS ?? 6);

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

export async function benchReader(): Promise<Record<string, unknown>> {
  const bytes = await readFile(PDF);
  const server = await serve();
  const browser = await launchBrowser(true);
  try {
    await browser.setSettings({ hoverDelayMs: 0 });
    const reader: number[] = [];
    const bare: number[] = [];
    const citations: number[] = [];
    const longTasks: number[] = [];
    let readerHeap = 0;
    let bareHeap = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // In turns, a fresh page each: the machine's noise falls on both alike.
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl('reader.html'));
      await page.evaluate(() => {
        (globalThis as { longTasks?: number[] }).longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            (globalThis as { longTasks?: number[] }).longTasks?.push(
              entry.startTime,
              entry.duration,
            );
        }).observe({ type: 'longtask' });
      });
      await page.getByLabel('Choose a PDF').setInputFiles(PDF);
      reader.push(await between(page, 'pdf-bytes', 'first-paint'));
      citations.push(await between(page, 'first-paint', 'citations'));
      const window = await page.evaluate(() => ({
        from: performance.getEntriesByName('paperpeek:first-paint')[0]?.startTime ?? 0,
        to: performance.getEntriesByName('paperpeek:citations')[0]?.startTime ?? 0,
        tasks: (globalThis as { longTasks?: number[] }).longTasks ?? [],
      }));
      for (let i = 0; i < window.tasks.length; i += 2) {
        const start = window.tasks[i] ?? 0;
        if (start >= window.from && start <= window.to) longTasks.push(window.tasks[i + 1] ?? 0);
      }
      if (round === ROUNDS - 1) readerHeap = await heapMB(page);
      await page.close();

      const plain = await browser.context.newPage();
      await plain.goto(`${server.url}/bare.html`);
      await plain.waitForFunction(() => (globalThis as { ready?: boolean }).ready === true);
      await plain.evaluate(
        (base64) =>
          (globalThis as unknown as { openBytes(b: string): Promise<void> }).openBytes(base64),
        bytes.toString('base64'),
      );
      bare.push(await between(plain, 'pdf-bytes', 'first-paint'));
      if (round === ROUNDS - 1) bareHeap = await heapMB(plain);
      await plain.close();
    }
    const readerFirst = summarise(reader);
    const bareFirst = summarise(bare);
    return {
      'first page painted from the bytes, 40 pages': {
        reader: readerFirst,
        barePdfjs: bareFirst,
        ratioOfMedians: Math.round((readerFirst.median / bareFirst.median) * 100) / 100,
      },
      'every citation resolved after the first paint, 80 references': {
        ms: summarise(citations),
        longTasksOver50ms: longTasks.filter((duration) => duration > 50).length,
        longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      },
      'heap after opening, MB': { reader: readerHeap, barePdfjs: bareHeap },
      'code, gzip KB': readerCodeSizes(),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
