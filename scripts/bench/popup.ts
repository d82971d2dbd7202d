/**
 * Popup-open benchmark (issue budget: ≤ 150 ms to first results with 100,000 papers stored).
 * Fills the extension's database with generated papers (and the search rows the worker would
 * keep), then opens the popup and times navigation start to the first result on screen.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import bundled from '../../assets/digest.json';
import type { Paper } from '../../lib/digest/schema';
import { buildSearchRecord } from '../../lib/search/record';
import { generatePapers } from '../../tests/helpers/generate-papers';
import { launchBrowser, summarise } from './browser';
import { searchRowsOf, shelvesFor } from '../../lib/db';

/** Writes rows with the raw IndexedDB API into the database the extension already opened. */
export async function benchStore(page: Page, papers: Paper[]): Promise<void> {
  const search = buildSearchRecord([...(bundled.papers as Paper[]), ...papers], 'bench');
  // The rows the worker writes, made by the worker's own function: the packed record, its word
  // index and authors in rows of their own (issues 15 and 17), and the newest papers.
  const meta = searchRowsOf(search).map(toWire);
  // tsx names the functions below with a __name() helper the page does not have.
  await page.evaluate('globalThis.__name ??= (target) => target');
  for (let start = 0; start < papers.length; start += 10_000) {
    const rows = shelvesFor(
      `bench-${start}`,
      papers.slice(start, start + 10_000).map((paper) => ({ ...paper, sourceId: 'bench' })),
    );
    await page.evaluate(
      ({ rows, meta }) =>
        new Promise<void>((done, fail) => {
          const revive = (value: unknown): unknown => {
            if (Array.isArray(value)) return value.map(revive);
            if (!value || typeof value !== 'object') return value;
            const { typedArray, values } = value as { typedArray?: string; values?: number[] };
            if (typedArray === 'Uint8Array') return new Uint8Array(values ?? []);
            if (typedArray === 'Uint16Array') return new Uint16Array(values ?? []);
            if (typedArray === 'Uint32Array') return new Uint32Array(values ?? []);
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
          };
          const open = indexedDB.open('paperpeek');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['shelves', 'meta'], 'readwrite');
            for (const row of rows) tx.objectStore('shelves').put(row);
            for (const row of meta) tx.objectStore('meta').put(revive(row));
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { rows, meta: start + 10_000 >= papers.length ? meta : [] },
    );
  }
}

/** A value with its typed arrays as plain ones and their kind, to pass to a page. */
function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array || value instanceof Uint16Array || value instanceof Uint32Array) {
    return { typedArray: value.constructor.name, values: Array.from(value) };
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toWire(inner)]));
}

/**
 * Timestamps taken inside the popup itself (from navigation start): a query from the test runner
 * would wait behind whatever the page runs after the first paint and measure that too.
 */
const OBSERVE_POPUP = `
  window.__popupTimes = {};
  document.addEventListener('DOMContentLoaded', () => { window.__popupTimes.domContentLoaded = performance.now(); });
  new MutationObserver(() => {
    const times = window.__popupTimes;
    if (!times.firstResults && document.querySelector('[role=option]')) times.firstResults = performance.now();
    const list = document.querySelector('[role=listbox]');
    if (!times.searchReady && list && list.getAttribute('aria-busy') === 'false') times.searchReady = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface PopupTimes {
  domContentLoaded: number;
  firstResults: number;
  searchReady: number;
}

/**
 * The popup's JS heap once search is ready (after a collection), and the size of the search
 * record it loads, word index and authors included (strings at 2 bytes a character, typed
 * arrays as they are).
 */
async function popupMemory(page: Page): Promise<{ heapMB: number; recordMB: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  const recordBytes = await page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('paperpeek');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          // Everything the popup reads of the record: the record, its word index and authors.
          const request = open.result
            .transaction('meta')
            .objectStore('meta')
            .getAll(IDBKeyRange.bound('search', 'search\uffff'));
          request.onsuccess = () => {
            let bytes = 0;
            const stack: unknown[] = request.result.map((row: { value: unknown }) => row.value);
            while (stack.length > 0) {
              const value = stack.pop();
              if (typeof value === 'string') bytes += value.length * 2;
              else if (ArrayBuffer.isView(value)) bytes += value.byteLength;
              else if (value && typeof value === 'object') stack.push(...Object.values(value));
            }
            open.result.close();
            done(bytes);
          };
          request.onerror = () => fail(request.error);
        };
      }),
  );
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return { heapMB: mb(usedSize), recordMB: mb(recordBytes) };
}

export async function benchPopup(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  // Only the bundled digest first: the floor of opening the popup, the same code with 71 papers.
  const sizes = (process.env.PAPERPEEK_POPUP_SIZES ?? '0,10000,100000').split(',').map(Number);
  for (const size of sizes) {
    console.log(`  ${size} generated papers stored (plus the ${bundled.papers.length} bundled)`);
    const browser = await launchBrowser(true);
    try {
      const setup = await browser.context.newPage();
      await setup.goto(browser.extensionUrl('popup.html'));
      await benchStore(setup, generatePapers(size, 11));
      await setup.close();
      await browser.context.addInitScript(OBSERVE_POPUP);
      const runs: PopupTimes[] = [];
      let memory = { heapMB: 0, recordMB: 0 };
      for (let run = 0; run < 8; run += 1) {
        const page = await browser.context.newPage();
        await page.goto(browser.extensionUrl('popup.html'));
        const profileDir = process.env.PAPERPEEK_PROFILE;
        if (profileDir && run === 7) {
          // The last open again, profiled from its navigation (a reload stays in the process).
          await page.waitForSelector('[role=listbox][aria-busy=false] [role=option]');
          const session = await page.context().newCDPSession(page);
          await session.send('Profiler.enable');
          await session.send('Profiler.setSamplingInterval', { interval: 100 });
          await session.send('Profiler.start');
          await page.reload();
          await page.waitForSelector('[role=listbox][aria-busy=false] [role=option]');
          const { profile } = await session.send('Profiler.stop');
          await mkdir(profileDir, { recursive: true });
          await writeFile(join(profileDir, `popup-${size}.cpuprofile`), JSON.stringify(profile));
          await session.detach();
        }
        await page.waitForSelector('[role=listbox][aria-busy=false] [role=option]');
        runs.push(await page.evaluate('window.__popupTimes'));
        if (run === 7) memory = await popupMemory(page);
        await page.close();
      }
      const measured = runs.slice(1); // the first open also warms the browser up
      const figures = (pick: (times: PopupTimes) => number) => {
        const summary = summarise(measured.map(pick));
        return { medianMs: Math.round(summary.median), p95Ms: Math.round(summary.p95) };
      };
      results[`popup open @ ${size + bundled.papers.length}`] = {
        domContentLoaded: figures((times) => times.domContentLoaded),
        firstResults: figures((times) => times.firstResults),
        searchReady: figures((times) => times.searchReady),
        opens: measured.length,
        popupHeapMB: memory.heapMB,
        searchRecordMB: memory.recordMB,
        heapToRecord: Math.round((memory.heapMB / Math.max(memory.recordMB, 0.1)) * 100) / 100,
      };
    } finally {
      await browser.close();
    }
  }
  return results;
}
