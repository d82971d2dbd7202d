/**
 * arXiv PDF addresses open in the reader (a declarativeNetRequest redirect, in Chromium): every
 * form of the address, the reader says why it cannot show the PDF when arXiv is out of reach
 * (this machine has no internet), "Open in the browser's viewer" reaches the original without
 * looping back, and the setting turns the redirect off.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, waitForDigest, type ExtensionSession } from './harness';

describe('arXiv PDFs in the reader, in Chromium', () => {
  let session: ExtensionSession;
  let extensionPage: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    session = await launchExtension();
    extensionPage = await session.openExtensionPage('popup.html');
    await waitForDigest(extensionPage);
    session.context.on('request', (request: Request) => {
      if (request.isNavigationRequest()) requests.push(request.url());
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Where a tab that follows `url` ends up. */
  async function follow(url: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(url).catch(() => undefined); // no internet here: arXiv itself never loads
    return page;
  }

  it.each([
    'https://arxiv.org/pdf/2307.06948',
    'https://arxiv.org/pdf/2307.06948v2',
    'https://arxiv.org/pdf/2307.06948v2.pdf',
    'http://export.arxiv.org/pdf/hep-th/9901001',
    'https://www.arxiv.org/pdf/2005.14165',
  ])('opens %s in the reader', async (url) => {
    const page = await follow(url);
    await expect
      .poll(() => page.url())
      .toMatch(/^chrome-extension:\/\/[a-z]+\/reader\.html\?file=/);
    // Chromium asks arXiv over https whatever the link says (arXiv sends HSTS).
    expect(new URL(page.url()).searchParams.get('file')).toBe(url.replace(/^http:/, 'https:'));
    await page.close();
  });

  it('says why it cannot show the PDF offline, and the browser’s viewer gets the original', async () => {
    const url = 'https://arxiv.org/pdf/2307.06948v2';
    const page = await follow(url);
    const message = page.getByRole('alert');
    await expect
      .poll(() => message.textContent(), { timeout: 10_000 })
      .toContain('arxiv.org could not be reached');
    requests.length = 0;
    await message.getByRole('button', { name: 'Open in the browser’s viewer' }).click();
    await expect.poll(() => requests).toContain(url);
    // It stays there: no loop back into the reader.
    await page.waitForTimeout(1_500);
    expect(page.url()).not.toMatch(/reader\.html/);
    await page.close();
  });

  it('leaves arXiv PDFs to the browser when the reader’s own switch turns it off', async () => {
    const reader = await session.openExtensionPage('reader.html');
    const setting = reader.getByRole('checkbox', { name: 'Open arXiv PDFs here' });
    await expect.poll(() => setting.isChecked()).toBe(true);
    await setting.uncheck();
    await reader.waitForTimeout(300);
    const page = await follow('https://arxiv.org/pdf/2005.14165');
    await page.waitForTimeout(1_000);
    expect(page.url()).not.toMatch(/reader\.html/);
    await page.close();
    await setting.check();
    await reader.waitForTimeout(300);
    const again = await follow('https://arxiv.org/pdf/2005.14165');
    await expect.poll(() => again.url()).toMatch(/reader\.html/);
    await again.close();
    await reader.close();
  });

  it('redirects nothing but arXiv PDFs', async () => {
    const page = await follow('https://arxiv.org/abs/2005.14165');
    await page.waitForTimeout(500);
    expect(page.url()).not.toMatch(/reader\.html/);
    await page.close();
  });
});
