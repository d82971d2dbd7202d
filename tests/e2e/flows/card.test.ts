/**
 * The hover card in every browser under test: by pointer and by keyboard focus with the right
 * paper, and Save, after which the card is still open a second later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  waitForBundledDigest,
  clickCard,
  pointAt,
  send,
  setLocal,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

describe.each(BROWSERS)('the hover card in $name', (browser) => {
  let session: FlowSession;
  let server: FixtureServer;
  let extensionPage: FlowPage;

  beforeAll(async () => {
    [session, server] = await Promise.all([browser.launch(), startFixtureServer()]);
    // Not the options page: the card's settings control must open one.
    extensionPage = await session.openExtensionPage('popup.html');
    await waitForBundledDigest(extensionPage);
    await setLocal(extensionPage, { settings: { hoverDelayMs: 0 } });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('opens by pointer and by keyboard focus, with the right title', async () => {
    const page = await session.openPage(server.url('/behaviour.html'));
    await pointAt(page, '#paper');
    await expect
      .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000 })
      .toMatch(/^Self-regulating Prompts/);
    await page.mouse.move(5, 600, { steps: 3 });
    await expect.poll(() => session.card(page), { timeout: 3_000 }).toBeNull();

    await page.focus('#before');
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000 })
      .toMatch(/^Self-regulating Prompts/);
    await page.keyboard.press('Tab');
    expect((await session.card(page))?.focused).toBe('Show more');
    await page.keyboard.press('Escape');
    await expect.poll(() => session.card(page)).toBeNull();
    await page.close();
  });

  it('saves from the card, which a second later still says Saved', async () => {
    const page = await session.openPage(server.url('/behaviour.html'));
    await pointAt(page, '#paper');
    await expect
      .poll(async () => (await session.card(page))?.buttons ?? [], { timeout: 5_000 })
      .toContain('Save to reading list');
    await clickCard(session, page, 'Save to reading list');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const card = await session.card(page);
    expect(card?.title).toMatch(/^Self-regulating Prompts/);
    expect(card?.buttons).toEqual(expect.arrayContaining(['Undo', 'Open reading list']));
    expect(card?.buttons).not.toContain('Saved');
    expect(card?.text).toContain('Saved');
    const saved = await send(extensionPage, {
      type: 'lookup',
      data: { keys: ['arxiv:2307.06948'] },
    });
    expect(saved.value).toMatchObject({ 'arxiv:2307.06948': { saved: true } });
    await page.close();
  });

  it('opens the settings from a card that says look-ups are off', async () => {
    await setLocal(extensionPage, { sourceSettings: { arxivLookups: false } });
    server.page(
      '/not-in-digest.html',
      '<!doctype html><p style="margin:40px"><a id="paper" href="https://arxiv.org/abs/2303.08774">GPT-4</a></p>',
    );
    const page = await session.openPage(server.url('/not-in-digest.html'));
    await pointAt(page, '#paper');
    await expect
      .poll(async () => (await session.card(page))?.buttons ?? [], { timeout: 5_000 })
      .toEqual(['Open PaperPeek settings']);
    expect((await session.card(page))?.text).toContain('turn them on in PaperPeek’s settings');
    const optionsTabs = async () =>
      (await session.pageUrls()).filter((url) => url.endsWith('/options.html')).length;
    const before = await optionsTabs();
    await clickCard(session, page, 'Open PaperPeek settings');
    await expect.poll(optionsTabs, { timeout: 5_000 }).toBe(before + 1);
    await page.close();
  });

  it('reports no error from any of its contexts', () => {
    expect(session.errors()).toEqual([]);
  });
});
