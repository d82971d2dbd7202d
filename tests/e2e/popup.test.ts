import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBibTeX } from '../helpers/bibtex';
import { CardInspector } from './card-inspector';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchExtension, waitForDigest, type ExtensionSession } from './harness';

describe('the popup in Chromium', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let popup: Page;

  const options = () => popup.getByRole('listbox', { name: 'Results' }).getByRole('option');
  /** The paper title a result shows (its accessible name starts with it). */
  const titleOf = (option: ReturnType<typeof options>) =>
    option.locator('.result__title').textContent();
  const openPopup = async () => {
    popup = await session.openExtensionPage('popup.html');
    await popup.getByRole('searchbox', { name: 'Search papers' }).waitFor();
  };

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    await waitForDigest(await session.openExtensionPage('popup.html'));
    await openPopup();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('opens with the focus in the search box and the newest papers listed', async () => {
    const focused = await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Search papers');
    await expect.poll(() => options().count()).toBeGreaterThan(10);
  });

  it('finds papers as the user types, typos included, best first', async () => {
    await popup.keyboard.type('Langauge Models are Few-Shot');
    await expect
      .poll(async () => titleOf(options().first()))
      .toBe('Language Models are Few-Shot Learners');
    await popup.getByRole('searchbox').fill('PromptSRC');
    await expect.poll(async () => titleOf(options().first())).toMatch(/^Self-regulating Prompts/);
    await popup.getByRole('searchbox').fill('https://arxiv.org/pdf/2410.18194v1');
    await expect.poll(async () => titleOf(options().first())).toMatch(/^ZIP-FIT/);
  });

  it('finds a paper by words of its abstract, below the title matches', async () => {
    // Neither word is in any title or author name: only the abstract index can find it.
    await popup.getByRole('searchbox').fill('idealistic settin');
    const tame = options().filter({ hasText: 'in abstract' }).first();
    await expect.poll(async () => titleOf(tame)).toMatch(/^TAME: Task Agnostic/);
    await popup.getByRole('searchbox').fill('prompt');
    await expect
      .poll(() => options().filter({ hasText: 'in abstract' }).count())
      .toBeGreaterThan(0);
    const labels = await options().evaluateAll((items) =>
      items.map((item) => item.textContent?.includes('in abstract') ?? false),
    );
    // Every title match comes before every abstract match.
    expect(labels.indexOf(true)).toBeGreaterThan(0);
    expect(labels.slice(labels.indexOf(true)).every(Boolean)).toBe(true);
  });

  it('shows the words in another order, with a typo, and the sentence of an abstract that matched, at full width', async () => {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('searchbox').fill('learning promt');
    await expect.poll(async () => titleOf(options().first())).toMatch(/Prompt Learning/);
    // Polled: the list is drawn again when the abstract matches arrive a moment later.
    await expect
      .poll(() =>
        options()
          .first()
          .locator('mark')
          .evaluateAll((marks) => marks.map((mark) => mark.textContent)),
      )
      .toEqual(['Prompt', 'Learning']);
    // Papers found through their abstracts show the sentence, its words marked.
    const snippet = popup.locator('.result__snippet').first();
    await snippet.waitFor();
    expect(await snippet.locator('mark').count()).toBeGreaterThan(0);
    // The list spans the popup: a long line of key hints once squeezed it into a 50 px column.
    const width = await popup.locator('#results').evaluate((list) => list.clientWidth);
    expect(width).toBeGreaterThan(350);
    // A second later it is all still there.
    await popup.waitForTimeout(1_000);
    expect(await popup.locator('.result__snippet').count()).toBeGreaterThan(0);
    expect(await titleOf(options().first())).toMatch(/Prompt Learning/);
  });

  it('moves through results with the arrow keys and opens the arXiv page with Enter', async () => {
    await popup.getByRole('searchbox').fill('generalist');
    await expect.poll(() => options().count()).toBeGreaterThan(2);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    const selected = popup.locator('[role=option][aria-selected=true]');
    expect(await titleOf(selected)).toBe(await titleOf(options().nth(2)));
    // This machine has no internet: the new tab's request shows where it went, loaded or not.
    const requested = session.context.waitForEvent('request', (request) =>
      request.url().includes('arxiv.org'),
    );
    await popup.keyboard.press('Enter');
    expect((await requested).url()).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}$/);
  });

  it('opens the first result with Enter pressed straight after typing', async () => {
    // Enter before the rows of the new results have been read used to do nothing.
    const requested = session.context.waitForEvent('request', (request) =>
      request.url().includes('arxiv.org/abs/2410.18194'),
    );
    await popup.getByRole('searchbox').fill('ZIP-FIT data selection');
    await popup.keyboard.press('Enter');
    expect((await requested).url()).toBe('https://arxiv.org/abs/2410.18194');
  });

  it('saves from a result, from a hover card, and shows both in the reading list', async () => {
    await popup.getByRole('searchbox').fill('TaskExpert');
    // The pointer's Save on the row saves, and does not open the paper.
    await expect.poll(() => titleOf(options().first())).toMatch(/^TaskExpert/);
    await options().first().hover();
    await options().first().locator('.result__save').click();
    await expect.poll(() => options().first().locator('.badge--saved').count()).toBe(1);
    expect(
      popup
        .context()
        .pages()
        .filter((page) => page.url().includes('arxiv.org')),
    ).toEqual([]);

    const page = await session.context.newPage();
    server.page(
      '/one.html',
      '<!doctype html><p><a id="p" href="https://huggingface.co/papers/2410.18194">ZIP-FIT</a></p>',
    );
    await page.goto(server.url('/one.html'));
    const cards = await CardInspector.attach(page);
    await page.focus('#p');
    await expect
      .poll(async () => (await cards.card())?.buttons ?? [], { timeout: 3_000 })
      .toContain('Save to reading list');
    for (let i = 0; i < 10 && (await cards.card())?.focused !== 'Save to reading list'; i += 1)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await cards.card())?.buttons ?? []).toContain('Undo');
    await page.close();

    await openPopup();
    await popup.getByRole('tab', { name: /Reading list/ }).click();
    const saved = popup.getByRole('list', { name: 'Saved papers' }).getByRole('listitem');
    await expect.poll(() => saved.count()).toBe(2);
    expect(await saved.first().getAttribute('aria-label')).toMatch(/^ZIP-FIT/);
  });

  it('removes an entry with an Undo that restores its note', async () => {
    const zip = popup.getByRole('listitem', { name: /^ZIP-FIT/ });
    await zip.getByRole('button', { name: /^Details of ZIP-FIT/ }).click();
    await zip.getByRole('textbox', { name: /^Note on ZIP-FIT/ }).fill('compression trick');
    await zip.getByRole('textbox', { name: /^Note on ZIP-FIT/ }).blur();
    await zip.getByRole('button', { name: /^Remove ZIP-FIT/ }).click();
    await expect.poll(() => popup.getByRole('listitem', { name: /^ZIP-FIT/ }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Undo' }).click();
    const restored = popup.getByRole('listitem', { name: /^ZIP-FIT/ });
    await expect.poll(() => restored.count()).toBe(1);
    await restored.getByRole('button', { name: /^Details of ZIP-FIT/ }).click();
    expect(await restored.getByRole('textbox', { name: /^Note on ZIP-FIT/ }).inputValue()).toBe(
      'compression trick',
    );
  });

  it('exports a JSON backup and BibTeX that parse', async () => {
    const json = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'JSON backup', exact: true }).click();
    const backup = JSON.parse(await readFile((await (await json).path()) ?? '', 'utf8')) as {
      format: string;
      entries: { paperId: string; note: string }[];
    };
    expect(backup.format).toBe('paperpeek-reading-list');
    expect(backup.entries.map((entry) => entry.paperId).sort()).toEqual([
      '2307.15324',
      '2410.18194',
    ]);
    expect(backup.entries.find((entry) => entry.paperId === '2410.18194')?.note).toBe(
      'compression trick',
    );

    // Importing the backup back changes nothing and says so; a broken file is refused.
    await popup.getByLabel('Import reading list').setInputFiles((await (await json).path()) ?? '');
    await expect
      .poll(() => popup.getByRole('status').first().textContent())
      .toBe('Imported: 0 added, 0 updated, 2 unchanged.');
    await popup.getByLabel('Import reading list').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{oops'),
    });
    await expect
      .poll(() => popup.getByRole('alert').first().textContent())
      .toMatch(/^Nothing was imported\. This file is not JSON/);
    expect(
      await popup.getByRole('list', { name: 'Saved papers' }).getByRole('listitem').count(),
    ).toBe(2);

    const bib = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'BibTeX', exact: true }).click();
    const text = await readFile((await (await bib).path()) ?? '', 'utf8');
    expect(text.match(/@misc\{/g)).toHaveLength(2);
    expect(text).toContain('eprint = {2410.18194}');
    const { library } = readBibTeX(text);
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.fields.doi)).toContain('10.48550/arXiv.2410.18194');

    const csl = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'CSL-JSON', exact: true }).click();
    const items = JSON.parse(await readFile((await (await csl).path()) ?? '', 'utf8')) as {
      type: string;
      DOI: string;
    }[];
    expect(items).toHaveLength(2);
    expect(items.map((item) => item.DOI)).toContain('10.48550/arXiv.2410.18194');
    expect(items.every((item) => item.type === 'article')).toBe(true);
  });

  it('syncs the reading list through storage.sync both ways, and stops when sync is off', async () => {
    type Items = Record<string, Record<string, unknown>>;
    // One compact item per entry, written by the worker after the saves above.
    const syncItems = () =>
      popup.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { sync: { get(k: null): Promise<Items> } } };
          }
        ).chrome.storage.sync.get(null),
      );
    await expect
      .poll(async () => Object.keys(await syncItems()).sort(), { timeout: 15_000 })
      .toEqual(['rl:2307.15324', 'rl:2410.18194']);
    // The note edited in an earlier test follows in a later pass (passes are 4 s apart).
    await expect
      .poll(async () => (await syncItems())['rl:2410.18194']?.n, { timeout: 15_000 })
      .toBe('compression trick');
    await expect
      .poll(() => popup.getByText("Synced through your browser's sync (2 entries).").count())
      .toBe(1);

    // Another browser saves a paper and edits a note later: both arrive here.
    const writeAsAnotherBrowser = (items: Items) =>
      popup.evaluate(
        (values) =>
          (
            globalThis as unknown as {
              chrome: { storage: { sync: { set(items: Items): Promise<void> } } };
            }
          ).chrome.storage.sync.set(values),
        items,
      );
    const later = Date.now() + 60_000;
    const zip = (await syncItems())['rl:2410.18194'];
    await writeAsAnotherBrowser({
      'rl:1706.03762': {
        v: 1,
        t: 'Attention Is All You Need',
        a: ['Ashish Vaswani'],
        x: '1706.03762',
        d: later,
        p: later,
        s: 0,
        st: later,
        g: ['classic'],
        gt: later,
        n: '',
        nt: later,
      },
      'rl:2410.18194': { ...zip, n: 'edited on my laptop', nt: later },
    });
    const attention = popup.getByRole('listitem', { name: 'Attention Is All You Need' });
    await expect.poll(() => attention.count(), { timeout: 15_000 }).toBe(1);
    const zipDetails = popup.getByRole('button', { name: /^Details of ZIP-FIT/ });
    if ((await zipDetails.getAttribute('aria-expanded')) !== 'true') await zipDetails.click();
    const zipNote = popup.getByRole('textbox', { name: /^Note on ZIP-FIT/ });
    await expect.poll(() => zipNote.inputValue()).toBe('edited on my laptop');

    // Removed on the other browser: a tombstone removes it here too.
    await writeAsAnotherBrowser({ 'rl:1706.03762': { v: 1, rm: later + 1 } });
    await expect.poll(() => attention.count(), { timeout: 15_000 }).toBe(0);

    // Off: the list stays here, and edits no longer reach storage.sync.
    await popup.getByRole('checkbox', { name: 'Sync across my browsers' }).uncheck();
    await expect
      .poll(() => popup.getByText('Off: the list stays on this browser.').count())
      .toBe(1);
    await zipNote.fill('only on this browser');
    await zipNote.blur();
    await popup.waitForTimeout(1_500);
    expect((await syncItems())['rl:2410.18194']).toMatchObject({ n: 'edited on my laptop' });
    expect(
      await popup.getByRole('list', { name: 'Saved papers' }).getByRole('listitem').count(),
    ).toBe(2);
  });

  it('saves the highlighted result with Alt+S, and says so (an option holds no button)', async () => {
    await popup.getByRole('tab', { name: 'Search' }).click();
    await popup.getByRole('searchbox').fill('AutoInt');
    await expect.poll(() => titleOf(options().first())).toMatch(/^AutoInt/);
    expect(await options().first().locator('button, a, input, [tabindex]').count()).toBe(0);
    await popup.getByRole('searchbox').focus();
    await popup.keyboard.press('Alt+KeyS');
    await expect
      .poll(() =>
        popup
          .getByRole('status')
          .filter({ hasText: /^Saved to your reading list: “AutoInt/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => options().first().locator('.badge--saved').count()).toBe(1);
  });
});
