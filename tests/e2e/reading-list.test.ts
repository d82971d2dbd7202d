/**
 * The reading list as a researcher with many saved papers uses it, in the real popup: compact
 * rows, details on demand, filters, orders, a selection, copy feedback, live counts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import {
  launchExtension,
  request,
  waitForDigest,
  waitUntil,
  type ExtensionSession,
} from './harness';

/** Ten papers of the bundled digest, oldest arXiv id first. */
const TEN = bundled.papers
  .map((paper) => paper.id)
  .filter((id) => /^\d{4}\.\d{4,5}$/.test(id))
  .sort()
  .slice(0, 10);

describe('the reading list in the popup', () => {
  let session: ExtensionSession;
  let popup: Page;
  const rows = () => popup.getByRole('list', { name: 'Saved papers' }).getByRole('listitem');

  beforeAll(async () => {
    session = await launchExtension();
    const page = await session.openExtensionPage('popup.html');
    await waitForDigest(page);
    // Saved one after another, so "newest saved" is the reverse of this order.
    for (const paperId of TEN) await request(page, { type: 'save', data: { paperId } });
    await page.close();
    popup = await session.openExtensionPage('popup.html#reading');
    await popup.setViewportSize({ width: 400, height: 600 });
    await waitUntil(async () => (await rows().count()) === 10, 'ten saved papers');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows at least six entries at once in a 400×600 popup, one row each', async () => {
    const visible = await popup.evaluate(() => {
      const list = document.querySelector('.entries');
      if (!list) return -1;
      const box = list.getBoundingClientRect();
      const bottom = Math.min(box.bottom, window.innerHeight);
      return [...list.querySelectorAll(':scope > li')].filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.top >= box.top - 1 && rect.bottom <= bottom + 1;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(6);
    // Notes and tags are not in the way until asked for.
    expect(await popup.getByRole('textbox', { name: /^Note on/ }).count()).toBe(0);
    // The bundled digest has no authors yet (issue 16): the row names the year.
    expect(await rows().first().locator('.entry__meta').textContent()).toMatch(/^20\d\d/);
  });

  it('orders by date saved or published, and filters by status and tag', async () => {
    const firstTitle = async () => (await rows().first().getAttribute('aria-label')) ?? '';
    const newestSaved = bundled.papers.find((paper) => paper.id === TEN.at(-1))?.title;
    expect(await firstTitle()).toBe(newestSaved);
    await popup.getByRole('combobox', { name: 'Order', exact: true }).selectOption('published');
    const newestPublished = bundled.papers.find((paper) => paper.id === [...TEN].sort().at(-1));
    expect(await firstTitle()).toBe(newestPublished?.title);
    await popup.getByRole('combobox', { name: 'Order', exact: true }).selectOption('saved');

    // Tag one entry through its details, then filter by that tag.
    const first = rows().first();
    await first.getByRole('button', { name: /^Details of/ }).click();
    const tags = first.getByRole('textbox', { name: /^Tags of/ });
    await tags.fill('to-cite, vision');
    await tags.blur();
    await expect
      .poll(() => first.locator('.chip').allTextContents())
      .toEqual(['to-cite', 'vision']);
    await popup.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('to-cite');
    await expect.poll(() => rows().count()).toBe(1);
    await popup.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('');
    await expect.poll(() => rows().count()).toBe(10);
  });

  it('marks a selection read and exports just the selection', async () => {
    const selectAll = popup.getByRole('checkbox', { name: 'Select all' });
    // Named for what it does, with the count beside it; the unread dot has its legend.
    expect(await selectAll.count()).toBe(1);
    expect(await popup.locator('#selection-count').textContent()).toBe('10 papers');
    expect(await popup.locator('.selection__legend').textContent()).toBe('● unread');
    for (const index of [0, 1, 2]) {
      await rows()
        .nth(index)
        .getByRole('checkbox', { name: /^Select/ })
        .check();
    }
    await expect.poll(() => popup.locator('#selection-count').textContent()).toBe('3 selected');
    // Some selected: the box is mixed, not unchecked.
    expect(await selectAll.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);
    expect(await selectAll.isChecked()).toBe(false);
    // The actions wrap as groups: "Markdown" never sits alone on a line of its own.
    const exportTops = await popup
      .getByRole('button', { name: /^Export selected as/ })
      .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().top));
    expect(new Set(exportTops).size).toBe(1);
    await popup.getByRole('button', { name: 'Mark selected read' }).click();
    await popup.getByRole('combobox', { name: 'Status', exact: true }).selectOption('read');
    await expect.poll(() => rows().count()).toBe(3);
    await popup.getByRole('combobox', { name: 'Status', exact: true }).selectOption('unread');
    await expect.poll(() => rows().count()).toBe(7);
    await popup.getByRole('combobox', { name: 'Status', exact: true }).selectOption('all');

    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export selected as BibTeX' }).click();
    const bib = await readFile((await (await download).path()) ?? '', 'utf8');
    expect(bib.match(/^@\w+\{/gm)).toHaveLength(3);
  });

  it('selects every shown entry, and none, from the one box', async () => {
    await popup.getByRole('checkbox', { name: 'Select all' }).check();
    expect(await popup.locator('#selection-count').textContent()).toBe('10 selected');
    const selectNone = popup.getByRole('checkbox', { name: 'Select none' });
    expect(await selectNone.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(false);
    await selectNone.uncheck();
    expect(await popup.locator('#selection-count').textContent()).toBe('10 papers');
  });

  it('lays the list out as a page when "Open reading list" opens it in a tab', async () => {
    const tab = await session.openExtensionPage('popup.html#reading');
    await tab.setViewportSize({ width: 1280, height: 800 });
    await waitUntil(
      async () =>
        (await tab.getByRole('list', { name: 'Saved papers' }).getByRole('listitem').count()) ===
        10,
      'the list in a tab',
    );
    const box = await tab.locator('main.popup').evaluate((main) => {
      const rect = main.getBoundingClientRect();
      return { left: rect.left, width: rect.width, height: rect.height };
    });
    expect(box.width).toBeGreaterThan(600);
    expect(box.left).toBeGreaterThan(200); // centred, not in the corner
    // Every entry in view: the list is not cut to the popup's 300 px.
    const listHeight = await tab.locator('.entries').evaluate((list) => list.clientHeight);
    expect(listHeight).toBeGreaterThan(300);
    expect(await tab.title()).toBe('Reading list · PaperPeek');
    await tab.close();
  });

  it('says "Copied" where the user looks, and still says it a second later', async () => {
    const row = rows().nth(4);
    await row.getByRole('button', { name: /^Details of/ }).click();
    await row.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    await popup.waitForTimeout(1_000);
    expect(await row.getByRole('status').textContent()).toBe('BibTeX copied to the clipboard.');
  });

  it('opens a saved arXiv paper’s PDF in PaperPeek’s reader, in a tab of its own', async () => {
    const row = rows().nth(2);
    await row.getByRole('button', { name: /^Details of/ }).click();
    const read = row.getByRole('link', { name: /^Read PDF: .+, in PaperPeek’s reader$/ });
    const href = (await read.getAttribute('href')) ?? '';
    const file = new URL(href).searchParams.get('file') ?? '';
    expect(href.startsWith(`chrome-extension://${session.extensionId}/reader.html?file=`)).toBe(
      true,
    );
    expect(file).toMatch(/^https:\/\/arxiv\.org\/pdf\/\d{4}\.\d{4,5}$/);
    const opened = session.context.waitForEvent('page');
    await read.click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(href);
    // No internet here: the reader says so, with the browser's viewer as the way on.
    await expect
      .poll(
        () =>
          tab
            .locator('[role=alert]')
            .textContent()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toContain('arxiv.org could not be reached');
    await tab.close();
    await row.getByRole('button', { name: /^Details of/ }).click();
  });

  it('keeps import in a place of its own, and every count live after a removal', async () => {
    expect(await popup.locator('.reading__export input[type=file]').count()).toBe(0);
    expect(await popup.getByLabel('Import reading list').count()).toBe(1);
    await expect
      .poll(() => popup.getByText("Synced through your browser's sync (10 entries).").count(), {
        timeout: 15_000,
      })
      .toBe(1);
    const row = rows().nth(5);
    if (
      (await row.getByRole('button', { name: /^Details of/ }).getAttribute('aria-expanded')) !==
      'true'
    ) {
      await row.getByRole('button', { name: /^Details of/ }).click();
    }
    await row.getByRole('button', { name: /^Remove/ }).click();
    // At once, not after the next sync pass: the tab, the list and the sync line agree.
    await expect.poll(() => rows().count()).toBe(9);
    expect(await popup.getByRole('tab', { name: /Reading list/ }).textContent()).toBe(
      'Reading list (9)',
    );
    expect(await popup.getByText("Synced through your browser's sync (9 entries).").count()).toBe(
      1,
    );
  });
});
