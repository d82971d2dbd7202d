/**
 * Popup-open benchmark (issue budget: ≤ 150 ms to first results with 100,000 papers stored).
 * Fills the extension's database with generated papers (and the search rows the worker would
 * keep), then opens the popup and times navigation start to the first result on screen.
 */
import type { Page } from 'playwright-core';
import bundled from '../../assets/digest.json';
import type { Paper } from '../../lib/digest/schema';
import { buildSearchRecord, newestRecord } from '../../lib/search';
import { generatePapers } from '../../tests/helpers/generate-papers';
import { launchBrowser, summarise } from './browser';

/** Writes rows with the raw IndexedDB API into the database the extension already opened. */
async function store(page: Page, papers: Paper[]): Promise<void> {
  const search = buildSearchRecord([...(bundled.papers as Paper[]), ...papers]);
  const record = { search, newest: newestRecord(search) };
  for (let start = 0; start < papers.length; start += 10_000) {
    const rows = papers
      .slice(start, start + 10_000)
      .map((paper) => ({ ...paper, sourceId: 'bench' }));
    await page.evaluate(
      ({ rows, record }) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('paperpeek');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['papers', 'meta'], 'readwrite');
            for (const row of rows) tx.objectStore('papers').put(row);
            if (record) {
              tx.objectStore('meta').put({ key: 'search', value: record.search });
              tx.objectStore('meta').put({ key: 'newest', value: record.newest });
            }
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { rows, record: start + 10_000 >= papers.length ? record : null },
    );
  }
}

export async function benchPopup(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const size of [10_000, 100_000]) {
    console.log(`  ${size} papers stored`);
    const browser = await launchBrowser(true);
    try {
      const setup = await browser.context.newPage();
      await setup.goto(browser.extensionUrl('popup.html'));
      await store(setup, generatePapers(size, 11));
      await setup.close();
      const times: number[] = [];
      for (let run = 0; run < 8; run += 1) {
        const page = await browser.context.newPage();
        await page.goto(browser.extensionUrl('popup.html'));
        await page.waitForSelector('[role=option]');
        times.push(await page.evaluate(() => performance.now()));
        await page.close();
      }
      const figures = summarise(times.slice(1)); // the first open also warms the browser up
      results[`open to first results @ ${size}`] = {
        medianMs: Math.round(figures.median),
        p95Ms: Math.round(figures.p95),
        maxMs: Math.round(figures.max),
        opens: figures.n,
      };
    } finally {
      await browser.close();
    }
  }
  return results;
}
