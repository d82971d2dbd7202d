/**
 * The popup's offer for a tab that shows a PDF: "Open in PaperPeek reader" turns that tab into
 * the reader, on that PDF. The popup can read the tab's address after the user's click on the
 * toolbar button (`activeTab`, which a headless browser cannot give) or with the site's
 * permission, as here: the site granted, as after reading one of its PDFs in the reader once.
 * Chromium only: the popup is opened in a window of its own, as in site-switch.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchExtension, openPopupWindow, waitForDigest, type ExtensionSession } from './harness';

const PDF = resolve(import.meta.dirname, '../fixtures/pdf/numeric-two-column.pdf');

describe("the popup's offer to open the tab's PDF in the reader", () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let extensionPage: Page;

  beforeAll(async () => {
    [session, server] = await Promise.all([
      launchExtension({ grantedOrigins: ['http://127.0.0.1/*'] }),
      startFixtureServer(),
    ]);
    server.page('/papers/numeric.pdf', readFileSync(PDF), { 'content-type': 'application/pdf' });
    extensionPage = await session.openExtensionPage('options.html');
    await waitForDigest(extensionPage);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('makes no offer for a tab that shows a web page', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/behaviour.html'));
    const popup = await openPopupWindow(session, extensionPage);
    await popup.getByRole('searchbox').waitFor();
    // A second later too: the offer comes from an answer that could arrive late.
    await popup.waitForTimeout(1_000);
    expect(await popup.getByRole('button', { name: 'Open in PaperPeek reader' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('opens the PDF the tab shows in the reader, in that tab', async () => {
    const pdfUrl = server.url('/papers/numeric.pdf');
    const page = await session.context.newPage();
    await page.goto(pdfUrl).catch(() => undefined);
    const popup = await openPopupWindow(session, extensionPage);
    const offer = popup.getByRole('button', { name: 'Open in PaperPeek reader' });
    await expect.poll(() => offer.count(), { timeout: 5_000 }).toBe(1);
    expect(await popup.locator('.pdf-offer').textContent()).toContain('This tab shows a PDF');
    const closed = popup.waitForEvent('close');
    await offer.click();
    await closed;
    // The same tab is now the reader, on that PDF, with its pages drawn.
    await expect
      .poll(() => page.url(), { timeout: 10_000 })
      .toBe(
        `chrome-extension://${session.extensionId}/reader.html?file=${encodeURIComponent(pdfUrl)}`,
      );
    await expect
      .poll(() => page.locator('.page[data-page-number]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.close();
  });
});
