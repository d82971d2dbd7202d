/**
 * Digest import benchmark (issue budget: no stall of the worker's event loop over 200 ms).
 * Imports generated papers through the real worker, exactly as the options page does (chunked
 * messages, then one commit), while a 10 ms interval inside the worker records how late it
 * fires: the longest delay is the longest stall. Side by side in the same browser: one naive
 * IndexedDB transaction that puts every paper at once, timed the same way in an extension page.
 */
import type { Page, Worker } from 'playwright-core';
import { generatePapers } from '../../tests/helpers/generate-papers';
import { launchBrowser } from './browser';
import { IMPORT_CHUNK_PAPERS } from '../../lib/protocol/messages';

const MONITOR = `(() => {
  const state = { last: performance.now(), max: 0, over50: 0 };
  globalThis.__stall = state;
  clearInterval(globalThis.__stallTimer);
  globalThis.__stallTimer = setInterval(() => {
    const now = performance.now();
    const late = now - state.last - 10;
    if (late > state.max) state.max = late;
    if (late > 50) state.over50 += 1;
    state.last = now;
  }, 10);
  return true;
})()`;
const READ_MONITOR = `(() => ({ max: globalThis.__stall.max, over50: globalThis.__stall.over50 }))()`;

interface Stall {
  max: number;
  over50: number;
}

async function send(page: Page, message: object): Promise<unknown> {
  const reply = (await page.evaluate(
    (body) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: object): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(body),
    message,
  )) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!reply.ok) throw new Error(reply.error?.message ?? 'failed');
  return reply.value;
}

async function importThroughWorker(page: Page, worker: Worker, count: number) {
  const papers = generatePapers(count, 21);
  await worker.evaluate(MONITOR);
  const started = performance.now();
  const { importId } = (await send(page, { type: 'importBegin', data: { label: 'bench' } })) as {
    importId: string;
  };
  for (let start = 0; start < papers.length; start += IMPORT_CHUNK_PAPERS) {
    await send(page, {
      type: 'importChunk',
      data: { importId, papers: papers.slice(start, start + IMPORT_CHUNK_PAPERS) },
    });
  }
  const staged = performance.now();
  const stagingStall = (await worker.evaluate(READ_MONITOR)) as Stall;
  await worker.evaluate(MONITOR);
  await send(page, { type: 'importCommit', data: { importId } });
  const done = performance.now();
  const applyStall = (await worker.evaluate(READ_MONITOR)) as Stall;
  return {
    totalMs: Math.round(done - started),
    sendMs: Math.round(staged - started),
    applyMs: Math.round(done - staged),
    longestStallSendingMs: Math.round(stagingStall.max),
    longestStallApplyingMs: Math.round(applyStall.max),
    stallsOver50ms: stagingStall.over50 + applyStall.over50,
  };
}

/** The alternative: every paper in one transaction, put in one synchronous loop. */
async function naiveBulkPut(page: Page, count: number) {
  const papers = generatePapers(count, 21);
  await page.evaluate('globalThis.__rows = []');
  for (let start = 0; start < papers.length; start += 10_000) {
    await page.evaluate(
      (rows) => (globalThis as unknown as { __rows: unknown[] }).__rows.push(...rows),
      papers.slice(start, start + 10_000).map((paper) => ({ ...paper, sourceId: 'naive' })),
    );
  }
  await page.evaluate(MONITOR);
  const ms = (await page.evaluate(`new Promise((done, fail) => {
    const open = indexedDB.open('naive-bench', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('papers', { keyPath: 'id' });
    open.onsuccess = () => {
      const db = open.result;
      const started = performance.now();
      const tx = db.transaction('papers', 'readwrite');
      const store = tx.objectStore('papers');
      for (const row of globalThis.__rows) store.put(row);
      tx.oncomplete = () => { db.close(); done(performance.now() - started); };
      tx.onerror = () => fail(tx.error);
    };
  })`)) as number;
  const stall = (await page.evaluate(READ_MONITOR)) as Stall;
  await page.evaluate('globalThis.__rows = null; indexedDB.deleteDatabase("naive-bench")');
  return { totalMs: Math.round(ms), longestStallMs: Math.round(stall.max) };
}

export async function benchImport(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const count of [10_000, 100_000]) {
    console.log(`  importing ${count} papers`);
    const browser = await launchBrowser(true);
    try {
      if (!browser.worker) throw new Error('no extension worker');
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl('options.html'));
      const paperpeek = await importThroughWorker(page, browser.worker, count);
      // What the worker holds with the papers stored (it keeps none of them in memory).
      const workerHeapMB = await browser.workerHeapMB();
      const naive = await naiveBulkPut(page, count);
      results[`import @ ${count}`] = {
        paperpeek,
        workerHeapMB,
        naiveBulkPut: naive,
        stallRatio: Number(
          (naive.longestStallMs / Math.max(paperpeek.longestStallApplyingMs, 1)).toFixed(1),
        ),
      };
    } finally {
      await browser.close();
    }
  }
  return results;
}
