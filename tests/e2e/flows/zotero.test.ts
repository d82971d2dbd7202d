/**
 * Save to Zotero in every browser under test, against a loopback stand-in of Zotero's connector
 * server that records what arrives: from a card without the permission, then with it from a card
 * and from a reading-list selection, and with Zotero not running. What the user reads is checked
 * a second later too, and the reading list is never changed by it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOTERO_ORIGIN } from '@/lib/zotero/connector';
import type { ZoteroItem } from '@/lib/zotero/item';
import {
  BROWSERS,
  clickByText,
  clickCard,
  pointAt,
  send,
  setLocal,
  storedEntries,
  waitForBundledDigest,
  type BrowserUnderTest,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';
import { closedLoopbackUrl, startZoteroStandIn } from '../../helpers/zotero-stand-in';

const second = () => new Promise((resolve) => setTimeout(resolve, 1_000));
const bodyText = (page: FlowPage) => page.evaluate(() => document.body.innerText, undefined);

/** A browser with PaperPeek on the bundled digest, cards at once, Zotero's server moved to `zotero`. */
async function launchWith(
  browser: BrowserUnderTest,
  zoteroUrl: string,
  options?: { grantedOrigins?: string[] },
) {
  const session = await browser.launch(options);
  const extensionPage = await session.openExtensionPage('popup.html');
  await waitForBundledDigest(extensionPage);
  await setLocal(extensionPage, {
    settings: { hoverDelayMs: 0 },
    endpoints: { zotero: zoteroUrl },
  });
  return { session, extensionPage };
}

/** Hovers the fixture page's PromptSRC link and clicks the card's Save to Zotero. */
async function saveFromCard(session: FlowSession, server: FixtureServer) {
  const page = await session.openPage(server.url('/behaviour.html'));
  await pointAt(page, '#paper');
  await expect
    .poll(async () => (await session.card(page))?.buttons ?? [], { timeout: 5_000 })
    .toContain('Save to Zotero');
  await clickCard(session, page, 'Save to Zotero');
  return page;
}

describe.each(BROWSERS)('Save to Zotero in $name', (browser) => {
  let server: FixtureServer;
  let zotero: Awaited<ReturnType<typeof startZoteroStandIn>>;
  const itemsSent = () =>
    zotero.saves().flatMap((save) => (save.body as { items: ZoteroItem[] }).items);

  beforeAll(async () => {
    [server, zotero] = await Promise.all([startFixtureServer(), startZoteroStandIn()]);
  });
  afterAll(async () => {
    await server?.close();
    await zotero?.close();
  });

  describe('without the permission', () => {
    let session: FlowSession;
    beforeAll(async () => {
      ({ session } = await launchWith(browser, zotero.url));
    }, 120_000);
    afterAll(() => session?.close());

    it('from a card: says so, sends nothing, and points to the settings', async () => {
      const page = await saveFromCard(session, server);
      await expect
        .poll(async () => (await session.card(page))?.text ?? '', { timeout: 5_000 })
        .toContain('PaperPeek needs your permission to reach Zotero on this computer.');
      await second();
      const card = await session.card(page);
      expect(card?.title).toMatch(/^Self-regulating Prompts/);
      expect(card?.buttons).toContain('Open PaperPeek settings');
      expect(zotero.requests).toEqual([]);
      await page.close();
    });

    it('reports no error from any of its contexts', () => {
      expect(session.errors()).toEqual([]);
    });
  });

  describe('with the permission', () => {
    let session: FlowSession;
    let extensionPage: FlowPage;
    beforeAll(async () => {
      ({ session, extensionPage } = await launchWith(browser, zotero.url, {
        grantedOrigins: [ZOTERO_ORIGIN],
      }));
    }, 120_000);
    afterAll(() => session?.close());

    it('is given in the settings, which then say so', async () => {
      const options = await session.openExtensionPage('options.html');
      // Firefox asks here (and grants without its prompt in these tests); Chromium's was granted
      // at install (see `launch`), so its page says so at once.
      if (browser.kind === 'firefox') {
        // The section shows its button once it has asked the browser what is granted.
        await expect
          .poll(() => bodyText(options), { timeout: 5_000 })
          .toContain('Allow PaperPeek to reach Zotero');
        await clickByText(options, 'button', 'Allow PaperPeek to reach Zotero');
      }
      await expect
        .poll(() => bodyText(options), { timeout: 5_000 })
        .toContain('PaperPeek may reach Zotero.');
      await options.close();
    });

    it('from a card: Zotero gets the paper, and the card says so a second later too', async () => {
      zotero.requests.length = 0;
      const page = await saveFromCard(session, server);
      await expect
        .poll(async () => (await session.card(page))?.text ?? '', { timeout: 5_000 })
        .toContain('Saved to Zotero.');
      await second();
      expect((await session.card(page))?.text).toContain('Saved to Zotero.');
      expect(itemsSent()).toEqual([
        expect.objectContaining({
          itemType: 'preprint',
          title: expect.stringMatching(/^Self-regulating Prompts/),
          repository: 'arXiv',
          archiveID: 'arXiv:2307.06948',
          url: 'https://arxiv.org/abs/2307.06948',
          attachments: [expect.objectContaining({ url: 'https://arxiv.org/pdf/2307.06948' })],
        }),
      ]);
      expect(zotero.saves()[0]?.headers['x-zotero-connector-api-version']).toBe('3');
      // Zotero is on its own: the reading list did not change.
      expect(await storedEntries(extensionPage)).toEqual([]);
      await page.close();
    });

    it('from a reading-list selection, with their tags', async () => {
      zotero.requests.length = 0;
      for (const paperId of ['2307.06948', '2410.18194']) {
        await send(extensionPage, { type: 'save', data: { paperId } });
      }
      const popup = await session.openExtensionPage('popup.html#reading');
      await expect
        .poll(() => popup.$$eval('.entry', (rows) => rows.length), { timeout: 5_000 })
        .toBe(2);
      // A tag typed as people type, then Tab away: it is kept, and goes to Zotero with the paper.
      await popup.click('.entry__more');
      await popup.focus('.entry__tags');
      await popup.keyboard.type('to cite', { delay: 30 });
      await popup.keyboard.press('Tab');
      await popup.click('.selection__all input');
      await clickByText(popup, '.selection__actions button', 'Save to Zotero');
      await expect
        .poll(() => bodyText(popup), { timeout: 5_000 })
        .toContain('Saved 2 papers to Zotero.');
      await second();
      expect(await bodyText(popup)).toContain('Saved 2 papers to Zotero.');
      const items = itemsSent();
      expect(items.map((item) => item.archiveID).sort()).toEqual([
        'arXiv:2307.06948',
        'arXiv:2410.18194',
      ]);
      expect(items.flatMap((item) => item.tags)).toEqual([{ tag: 'to cite' }]);
      await popup.close();
    });

    it('with Zotero not running: says to start it, where the user clicked', async () => {
      await setLocal(extensionPage, { endpoints: { zotero: await closedLoopbackUrl() } });
      const popup = await session.openExtensionPage('popup.html#reading');
      await expect
        .poll(() => popup.$$eval('.entry', (rows) => rows.length), { timeout: 5_000 })
        .toBe(2);
      await popup.click('.entry__more');
      await clickByText(popup, '.entry__actions button', 'Save to Zotero');
      const said = () =>
        popup.$eval('.entry__actions [role=alert]', (alert) => alert.textContent).catch(() => '');
      await expect
        .poll(said, { timeout: 5_000 })
        .toBe('Start Zotero to save there: PaperPeek found no Zotero running on this computer.');
      await second();
      expect(await said()).toMatch(/^Start Zotero/);
      expect((await storedEntries(extensionPage)).length).toBe(2);
      await popup.close();
    });

    it('reports no error from any of its contexts', () => {
      expect(session.errors()).toEqual([]);
    });
  });
});
