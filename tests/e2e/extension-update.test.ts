import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardInspector } from './card-inspector';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchExtension, waitForDigest, type ExtensionSession } from './harness';

describe('an extension update under an open page', () => {
  let session: ExtensionSession;
  let server: FixtureServer;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    await waitForDigest(await session.openExtensionPage('popup.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('leaves no card, marker or listener of the old instance behind', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/behaviour.html'));
    const cards = await CardInspector.attach(page);
    await page.hover('#paper');
    await expect
      .poll(async () => (await cards.card())?.title ?? '', { timeout: 3_000 })
      .toMatch(/^Self-regulating/);
    expect(await page.locator('a[data-paperpeek]').count()).toBe(1);

    // What an update does to running content scripts: their extension context goes away.
    const extensionPage = await session.openExtensionPage('popup.html');
    await extensionPage
      .evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { reload(): void } } }
        ).chrome.runtime.reload(),
      )
      .catch(() => undefined);

    // The old instance notices at its next timer (leaving the link starts the grace period).
    await page.mouse.move(5, 700);
    await expect.poll(() => page.locator('paperpeek-card').count(), { timeout: 3_000 }).toBe(0);
    expect(await page.locator('a[data-paperpeek]').count()).toBe(0);
    await page.hover('#paper');
    await page.waitForTimeout(600);
    expect(await page.locator('paperpeek-card').count()).toBe(0);
  });
});
