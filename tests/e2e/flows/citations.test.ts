/**
 * Copy citation in the popup, in every browser under test: a reading-list entry in the style the
 * user picks (rich text and plain text on the clipboard), the style remembered the next time the
 * popup opens, and a selection copied as one bibliography. What the clipboard receives is read
 * from the page (the tests record the clipboard's write calls; reading it back needs a permission
 * the extension does not ask for).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  clickByText,
  clickCard,
  pointAt,
  send,
  setLocal,
  waitForBundledDigest,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

interface Copied {
  html: string;
  text: string;
}

/** Records what the page puts on the clipboard (each call's HTML and plain text). */
function recordClipboard(page: FlowPage) {
  return page.evaluate(() => {
    const copied: { html: string; text: string }[] = [];
    (globalThis as unknown as { copied: typeof copied }).copied = copied;
    const clipboard = navigator.clipboard;
    clipboard.write = async (items: ClipboardItem[]) => {
      for (const item of items) {
        const part = async (type: string) =>
          item.types.includes(type) ? (await item.getType(type)).text() : '';
        copied.push({ html: await part('text/html'), text: await part('text/plain') });
      }
    };
    clipboard.writeText = async (text: string) => void copied.push({ html: '', text });
  }, undefined);
}
const copiedOn = (page: FlowPage) =>
  page.evaluate(() => (globalThis as unknown as { copied: Copied[] }).copied, undefined);

describe.each(BROWSERS)('Copy citation in $name', (browser) => {
  let session: FlowSession;
  let server: FixtureServer;

  beforeAll(async () => {
    [session, server] = await Promise.all([browser.launch(), startFixtureServer()]);
    const page = await session.openExtensionPage('popup.html');
    await waitForBundledDigest(page);
    await setLocal(page, { settings: { hoverDelayMs: 0 } });
    for (const paperId of ['2307.06948', '2410.18194']) {
      await send(page, { type: 'save', data: { paperId } });
    }
    await page.close();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const openReadingList = async () => {
    const popup = await session.openExtensionPage('popup.html#reading');
    await expect
      .poll(() => popup.$$eval('.entry', (rows) => rows.length), { timeout: 5_000 })
      .toBe(2);
    await recordClipboard(popup);
    return popup;
  };

  it('copies an entry in the style picked, rich and plain, and says so a second later', async () => {
    const popup = await openReadingList();
    await popup.click('.entry__more');
    await popup.focus('.entry__actions select');
    // Picked from the keyboard, as a user does in a select: IEEE is the option after APA.
    await popup.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        popup.$eval('.entry__actions select', (select) => (select as HTMLSelectElement).value),
      )
      .toBe('ieee');
    await clickByText(popup, '.entry__actions button', 'Copy citation');
    await expect
      .poll(() => popup.$eval('.entry__actions .cite', (cite) => cite.textContent), {
        timeout: 20_000,
      })
      .toContain('Citation copied (IEEE).');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await popup.$eval('.entry__actions .cite', (cite) => cite.textContent)).toContain(
      'Citation copied (IEEE).',
    );
    const [copied] = await copiedOn(popup);
    // IEEE: a number, the title in quotes, arXiv as where it is (the bundled digest's papers
    // have no authors until arXiv fills them in, which these tests do not reach).
    expect(copied?.text).toMatch(/^\[1\]\s+“ZIP-FIT: .+,” .*arXiv: arXiv:2410\.18194/);
    expect(copied?.html).toContain('csl-entry');
    await popup.close();
  });

  it('remembers the style the next time, and copies a selection as one bibliography', async () => {
    const popup = await openReadingList();
    await popup.click('.selection__all input');
    expect(
      await popup.$eval(
        '.selection__actions select',
        (select) => (select as HTMLSelectElement).value,
      ),
    ).toBe('ieee');
    await clickByText(popup, '.selection__actions button', 'Copy citation');
    await expect
      .poll(() => popup.$eval('.selection__actions .cite', (cite) => cite.textContent), {
        timeout: 20_000,
      })
      .toContain('Citation copied (IEEE).');
    const [copied] = await copiedOn(popup);
    expect(copied?.text.split('\n').map((line) => line.slice(0, 3))).toEqual(['[1]', '[2]']);
    await popup.close();
  });

  it('copies from a card on a web page, in the style remembered, onto the real clipboard', async () => {
    const page = await session.openPage(server.url('/behaviour.html'));
    await pointAt(page, '#paper');
    await expect
      .poll(async () => (await session.card(page))?.buttons ?? [], { timeout: 5_000 })
      .toContain('Copy citation');
    await clickCard(session, page, 'Copy citation');
    // The processor loads on this first copy: its own module, fetched by the content script.
    await expect
      .poll(async () => (await session.card(page))?.text ?? '', { timeout: 20_000 })
      .toContain('Citation copied (IEEE).');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const card = await session.card(page);
    expect(card?.text).toContain('Citation copied (IEEE).');
    expect(card?.title).toMatch(/^Self-regulating Prompts/);
    // What the clipboard holds, pasted as a user would into a field of the page.
    await page.evaluate(() => {
      const field = document.createElement('textarea');
      field.id = 'pasted';
      document.body.append(field);
      field.focus();
    }, undefined);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyV');
    await page.keyboard.up('Control');
    await expect
      .poll(
        () =>
          page.evaluate(
            () => (document.getElementById('pasted') as HTMLTextAreaElement).value,
            undefined,
          ),
        { timeout: 5_000 },
      )
      .toMatch(/^\[1\]\s+“Self-regulating Prompts: .+,” .*arXiv: arXiv:2307\.06948/);
    await page.close();
  });

  it('reports no error from any of its contexts', () => {
    expect(session.errors()).toEqual([]);
  });
});
