/**
 * Digest import benchmark (issue budget: no stall of the worker's event loop over 200 ms).
 * Imports generated papers through the real worker, exactly as the options page does (chunked
 * messages, then one commit), while a 10 ms interval inside the worker records how late it
 * fires: the longest delay is the longest stall. Side by side in the same browser: one naive
 * IndexedDB transaction that puts every paper at once, timed the same way in an extension page.
 */
import type { Page } from 'playwright-core';
import { generatePapers } from '../../tests/helpers/generate-papers';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, type BenchBrowser } from './browser';

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

/**
 * What a user waits for: a digest file chosen on the options page (read, parsed, previewed),
 * "Add" pressed, the papers sent and applied, and then the popup finding one of them. With
 * `PAPERPEEK_PROFILE=<dir>`, CPU profiles of the worker and the options page are written there
 * (build with `PAPERPEEK_PROFILE_BUILD=1 npx wxt build` for readable names).
 */
async function importThroughOptionsPage(browser: BenchBrowser, count: number) {
  const papers = generatePapers(count, 22);
  const dir = await mkdtemp(join(tmpdir(), 'paperpeek-import-'));
  const file = join(dir, `digest-${count}.json`);
  await writeFile(file, JSON.stringify(digestOf(papers)));
  const wanted = papers.at(-1)?.title ?? '';
  const profileDir = process.env.PAPERPEEK_PROFILE;
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  const worker = await browser.workerDevTools();
  const page = await browser.context.newCDPSession(options);
  const sessions = [
    (method: string, params?: object) => worker.call(method, params),
    (method: string, params?: object) => page.send(method as 'Profiler.start', params),
  ];
  if (profileDir) {
    for (const call of sessions) {
      await call('Profiler.enable');
      await call('Profiler.setSamplingInterval', { interval: 500 });
      await call('Profiler.start');
    }
  }
  await worker.call('Runtime.evaluate', { expression: MONITOR });
  try {
    const chosen = performance.now();
    await options.getByLabel('Import digest').setInputFiles(file);
    const add = options.getByRole('button', { name: /^Add [\d,]+ papers$/ });
    await add.waitFor({ timeout: 120_000 });
    const previewed = performance.now();
    await add.click();
    await options.getByText(/^Imported digest-/).waitFor({ timeout: 600_000 });
    const imported = performance.now();
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('searchbox').fill(wanted);
    await popup
      .getByRole('listbox', { name: 'Results' })
      .getByRole('option', { name: wanted })
      .first()
      .waitFor({ timeout: 60_000 });
    const searchable = performance.now();
    await popup.close();
    const stall = (
      (await worker.call('Runtime.evaluate', {
        expression: READ_MONITOR,
        returnByValue: true,
      })) as { result: { value: Stall } }
    ).result.value;
    if (profileDir) {
      await mkdir(profileDir, { recursive: true });
      const [workerProfile, pageProfile] = (await Promise.all(
        sessions.map((call) => call('Profiler.stop')),
      )) as { profile: unknown }[];
      await writeFile(
        join(profileDir, `worker-${count}.cpuprofile`),
        JSON.stringify(workerProfile?.profile),
      );
      await writeFile(
        join(profileDir, `options-${count}.cpuprofile`),
        JSON.stringify(pageProfile?.profile),
      );
    }
    return {
      fileMB: Math.round((await stat(file)).size / 2 ** 20),
      chosenToSearchableMs: Math.round(searchable - chosen),
      chosenToPreviewMs: Math.round(previewed - chosen),
      addToImportedMs: Math.round(imported - previewed),
      importedToFoundMs: Math.round(searchable - imported),
      longestWorkerStallMs: Math.round(stall.max),
      workerStallsOver50ms: stall.over50,
    };
  } finally {
    await worker.detach();
    await options.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function digestOf(papers: readonly object[]) {
  return {
    format: 'paperpeek-digest',
    version: 1,
    generatedAt: '2026-11-01T00:00:00.000Z',
    source: 'bench',
    papers,
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
  const counts = (process.env.PAPERPEEK_IMPORT_COUNTS ?? '10000,100000').split(',').map(Number);
  for (const count of counts) {
    console.log(`  importing ${count} papers`);
    const browser = await launchBrowser(true);
    try {
      const paperpeek = await importThroughOptionsPage(browser, count);
      // What the worker holds with the papers stored (it keeps none of them in memory): right
      // after the import (work that follows a digest change may still run), and once settled.
      const workerHeapRightAfterMB = await browser.workerHeapMB();
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const workerHeapMB = await browser.workerHeapMB();
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl('options.html'));
      const naive = await naiveBulkPut(page, count);
      results[`import @ ${count}`] = {
        paperpeek,
        workerHeapRightAfterMB,
        workerHeapMB,
        naiveBulkPut: naive,
        stallRatio: Number(
          (naive.longestStallMs / Math.max(paperpeek.longestWorkerStallMs, 1)).toFixed(1),
        ),
      };
    } finally {
      await browser.close();
    }
  }
  return results;
}
