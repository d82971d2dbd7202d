/** The popup in every browser under test: search as the user types, and the reading list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  send,
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

  it('shows the reading list, one row per saved paper', async () => {
    await popup.click('#tab-reading');
    await expect
      .poll(() =>
        popup.$$eval('.entry', (rows) => rows.map((row) => row.getAttribute('aria-label'))),
      )
      .toEqual([expect.stringMatching(/^ZIP-FIT/)]);
  });

  it('reports no error from any of its contexts', () => {
    expect(session.errors()).toEqual([]);
  });
});
