/**
 * "Turn off on this site" from the popup, for the page the user came from: the page's cards stop
 * at once, and "Turn back on for this site" brings them back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardInspector } from './card-inspector';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import {
  launchExtension,
  openPopupWindow,
  setLocalStorage,
  waitForDigest,
  type ExtensionSession,
} from './harness';

describe('turning PaperPeek off for one site from the popup', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let extensionPage: Page;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    extensionPage = await session.openExtensionPage('options.html');
    await waitForDigest(extensionPage);
    await setLocalStorage(extensionPage, { settings: { hoverDelayMs: 0 } });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('offers it for the page behind the popup, and the page follows at once', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/behaviour.html'));
    const cards = await CardInspector.attach(page);
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(1);

    let popup = await openPopupWindow(session, extensionPage);
    const turnOff = popup.getByRole('button', { name: 'Turn off on this site' });
    await expect.poll(() => turnOff.count(), { timeout: 5_000 }).toBe(1);
    expect(await popup.locator('#site-name').textContent()).toBe('127.0.0.1');
    await turnOff.click();
    await expect
      .poll(() => popup.getByRole('button', { name: 'Turn back on for this site' }).count())
      .toBe(1);
    await popup.close();

    // The open page stops: no markers, no card, a second later too.
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(0);
    await page.hover('#paper');
    await page.waitForTimeout(1_000);
    expect(await cards.card()).toBeNull();

    popup = await openPopupWindow(session, extensionPage);
    await popup.getByRole('button', { name: 'Turn back on for this site' }).click();
    await popup.close();
    await page.mouse.move(600, 500);
    await page.hover('#paper');
    await expect.poll(async () => (await cards.card())?.title ?? '').toMatch(/^Self-regulating/);
    await page.close();
  });
});
