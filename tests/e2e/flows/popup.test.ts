/** The popup in every browser under test: search as the user types, and the reading list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  send,
  storedEntries,
  until,
  waitForBundledDigest,
  type FlowPage,
  type FlowSession,
} from '../browsers';

describe.each(BROWSERS)('the popup in $name', (browser) => {
  let session: FlowSession;
  let popup: FlowPage;

  beforeAll(async () => {
    session = await browser.launch();
    popup = await session.openExtensionPage('popup.html');
    await waitForBundledDigest(popup);
    await send(popup, { type: 'save', data: { paperId: '2410.18194' } });
    // The popup reads the list when it opens, as it does each time the user opens it.
    await popup.close();
    popup = await session.openExtensionPage('popup.html');
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('finds a paper as the user types', async () => {
    await until(async () => (await popup.$$eval('[role=option]', (o) => o.length)) > 0, 'results');
    await popup.type('input[type=search]', 'PromptSRC');
    await expect
      .poll(() => popup.$eval('[role=option] .result__title', (title) => title.textContent), {
        timeout: 5_000,
      })
      .toMatch(/^Self-regulating Prompts/);
  });

  it('keeps the highlight on a paper saved with Alt+S, and the list where it was', async () => {
    await popup.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('input[type=search]');
      if (box) box.value = '';
      box?.focus();
    }, undefined);
    await popup.keyboard.type('prompt', { delay: 40 });
    await until(
      async () => (await popup.$$eval('[role=option]', (found) => found.length)) > 5,
      'results for "prompt"',
    );
    const activeTitle = () =>
      popup.$eval('[role=option][aria-selected=true] .result__title', (title) => title.textContent);
    const listTop = () =>
      popup.$eval('#results', (list) => Math.round(list.getBoundingClientRect().top));
    for (let i = 0; i < 3; i += 1) await popup.keyboard.press('ArrowDown');
    const chosen = await activeTitle();
    const fourth = await popup.$$eval('[role=option] .result__title', (titles) =>
      titles.map((title) => title.textContent),
    );
    expect(chosen).toBe(fourth[3]);
    const top = await listTop();
    await popup.keyboard.down('Alt');
    await popup.keyboard.press('s');
    await popup.keyboard.up('Alt');
    await expect
      .poll(() => popup.$eval('.search__saved', (note) => note.textContent))
      .toMatch(/^Saved to your reading list: “/);
    expect(await activeTitle()).toBe(chosen);
    expect(await listTop()).toBe(top);
    // A second Alt+S is about the same paper, and a second later nothing has moved.
    await popup.keyboard.down('Alt');
    await popup.keyboard.press('s');
    await popup.keyboard.up('Alt');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await activeTitle()).toBe(chosen);
    expect(await listTop()).toBe(top);
    expect(await popup.$eval('.search__saved', (note) => note.textContent)).toMatch(
      /^Already in your reading list: “/,
    );
    const saved = await storedEntries(popup);
    expect(saved).toHaveLength(2);
    // Further down, the highlighted option scrolls into view.
    for (let i = 0; i < 8; i += 1) await popup.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        popup.$eval('#results', (list) => {
          const active = list.querySelector('[aria-selected=true]');
          if (!active) return false;
          const box = list.getBoundingClientRect();
          const row = active.getBoundingClientRect();
          return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
        }),
      )
      .toBe(true);
  });

  it('shows the reading list, one row per saved paper', async () => {
    await popup.click('#tab-reading');
    await expect
      .poll(() =>
        popup.$$eval('.entry', (rows) => rows.map((row) => row.getAttribute('aria-label'))),
      )
      .toEqual([expect.any(String), expect.stringMatching(/^ZIP-FIT/)]);
  });

  it.each([
    { pace: 'at 40 ms a key', delay: 40 },
    { pace: 'with no delay', delay: 0 },
  ])('keeps every key typed into notes and tags, $pace', async ({ delay }) => {
    const row = delay === 40 ? 0 : 1;
    await popup.evaluate((index) => {
      document.querySelectorAll<HTMLButtonElement>('.entry__more')[index]?.click();
    }, row);
    await until(
      async () => (await popup.$$eval('.entry__note', (notes) => notes.length)) > 0,
      'the note field',
    );
    await popup.focus('.entry__note');
    await popup.keyboard.type('Baseline for our ICLR submission', { delay });
    await popup.keyboard.press('Tab');
    await popup.keyboard.type('one, two', { delay });
    // Back to the note, typed into straight after the tags were left.
    await popup.keyboard.down('Shift');
    await popup.keyboard.press('Tab');
    await popup.keyboard.up('Shift');
    await popup.keyboard.press('End');
    await popup.keyboard.type(', five', { delay });
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('End');
    await popup.keyboard.type(', three', { delay });
    await popup.keyboard.press('Tab');
    const note = 'Baseline for our ICLR submission, five';
    await expect
      .poll(async () => {
        const entry = (await storedEntries(popup)).find((stored) => stored.note !== '');
        return entry && { note: entry.note, tags: entry.tags };
      })
      .toEqual({ note, tags: ['one', 'two', 'three'] });
    // A second later the fields still show what was typed.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await popup.$eval('.entry__note', (field) => (field as HTMLTextAreaElement).value)).toBe(
      note,
    );
    expect(await popup.$eval('.entry__tags', (field) => (field as HTMLInputElement).value)).toBe(
      'one, two, three',
    );
    // Ready for the other pace: the stored note is cleared through the field itself.
    await popup.focus('.entry__note');
    await popup.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('.entry__note');
      field?.select();
    }, undefined);
    await popup.keyboard.press('Backspace');
    await popup.focus('.entry__tags');
    await popup.evaluate((index) => {
      document.querySelectorAll<HTMLButtonElement>('.entry__more')[index]?.click();
    }, row);
    await expect
      .poll(async () => (await storedEntries(popup)).filter((stored) => stored.note).length)
      .toBe(0);
  });

  it('reports no error from any of its contexts', () => {
    expect(session.errors()).toEqual([]);
  });
});
