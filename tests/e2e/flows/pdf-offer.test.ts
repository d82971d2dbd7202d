/**
 * The popup's offer for a tab that shows a PDF, in every browser under test: "Open in PaperPeek
 * reader" turns that tab into the reader, on that PDF. The popup reads the tab's address after
 * the user's click on the toolbar button (`activeTab`, which a headless browser cannot give) or
 * with the site's permission, as here: given in the reader, the first time one of the site's
 * PDFs was read there (Firefox reads no tab's address without one). The popup opens in a window
 * of its own (`openPopupWindow`), which still looks at the tab behind it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  clickByText,
  until,
  waitForBundledDigest,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

const PDF = resolve(import.meta.dirname, '../../fixtures/pdf/numeric-two-column.pdf');
const OFFER = 'Open in PaperPeek reader';

describe.each(BROWSERS)(
  "the popup's offer to open the tab's PDF in the reader, in $name",
  (browser) => {
    let session: FlowSession;
    let server: FixtureServer;
    let extensionPage: FlowPage;

    beforeAll(async () => {
      [session, server] = await Promise.all([
        browser.launch({ grantedOrigins: ['http://127.0.0.1/*'] }),
        startFixtureServer(),
      ]);
      server.page('/papers/numeric.pdf', readFileSync(PDF), { 'content-type': 'application/pdf' });
      extensionPage = await session.openExtensionPage('options.html');
      await waitForBundledDigest(extensionPage);
      await readOnceInTheReader(server.url('/papers/numeric.pdf'));
    }, 120_000);
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    /** How many "Open in PaperPeek reader" buttons the popup shows (the function runs in it). */
    const offers = (popup: FlowPage) =>
      popup.$$eval(
        '.pdf-offer button',
        (buttons) =>
          buttons.filter((button) => button.textContent === 'Open in PaperPeek reader').length,
      );

    /**
     * The site's permission, given as a user gives it: by reading one of its PDFs in the reader,
     * which asks for it. Firefox answers its prompt "yes" here; in Chromium, whose prompt a headless
     * browser cannot answer, the site was granted at install and the reader opens it at once.
     */
    async function readOnceInTheReader(pdfUrl: string) {
      const reader = await session.openExtensionPage(
        `reader.html?file=${encodeURIComponent(pdfUrl)}`,
      );
      if (browser.kind === 'firefox') {
        await until(
          async () =>
            (
              (await reader
                .$eval('.reader__message', (message) => message.textContent)
                .catch(() => '')) ?? ''
            ).includes('needs your permission'),
          'the reader asking for the site',
        );
        await clickByText(reader, 'button', 'Allow 127.0.0.1');
      }
      await until(
        async () => (await reader.$$eval('.page[data-page-number]', (pages) => pages.length)) > 0,
        'the PDF in the reader',
      );
      await reader.close();
    }

    it('makes no offer for a tab that shows a web page', async () => {
      const page = await session.openPage(server.url('/behaviour.html'));
      const popup = await session.openPopupWindow(extensionPage);
      await until(
        async () => (await popup.$$eval('input[type="search"]', (boxes) => boxes.length)) === 1,
        'the popup’s search box',
      );
      // A second later too: the offer comes from an answer that could arrive late.
      await new Promise((done) => setTimeout(done, 1_000));
      expect(await offers(popup)).toBe(0);
      await popup.close();
      await page.close();
    });

    it('opens the PDF the tab shows in the reader, in that tab', async () => {
      const pdfUrl = server.url('/papers/numeric.pdf');
      // Not waited on to load: the browser's PDF viewer takes over the navigation, which
      // Playwright may then report as aborted.
      const page = await session.openPage(pdfUrl, { loaded: false });
      await expect.poll(() => session.pageUrls(), { timeout: 10_000 }).toContain(pdfUrl);
      const popup = await session.openPopupWindow(extensionPage);
      await expect.poll(() => offers(popup), { timeout: 5_000 }).toBe(1);
      expect(await popup.$eval('.pdf-offer', (offer) => offer.textContent)).toContain(
        'This tab shows a PDF',
      );
      await clickByText(popup, '.pdf-offer button', OFFER);
      // The same tab is now the reader, on that PDF, with its pages drawn; the popup has closed.
      const reader = `${session.origin}reader.html?file=${encodeURIComponent(pdfUrl)}`;
      await expect.poll(() => session.pageUrls(), { timeout: 10_000 }).toContain(reader);
      expect(await session.pageUrls()).not.toContain(pdfUrl);
      await expect
        .poll(() => session.pageUrls(), { timeout: 5_000 })
        .not.toContain(`${session.origin}popup.html`);
      await expect
        .poll(() => page.$$eval('.page[data-page-number]', (pages) => pages.length), {
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
      await page.close();
    });

    it('reports no error from any of its contexts', () => {
      expect(session.errors()).toEqual([]);
    });
  },
);
