/**
 * Real pages saved from news sites, a blog, documentation and Wikipedia
 * (tests/fixtures/pages/real/README.md), served as a reader offline meets them: their scripts in
 * the body never arrive, so three of the four never finish parsing and the fourth never
 * finishes loading. A paper link put where the parser stops gets its marker and its card while
 * the page is held, in every browser under test, and none of the page's own links is mistaken
 * for a paper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  expectCardStays,
  readyWithoutDwell,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';
import { offlinePage, readRealPage, REAL_PAGES } from '../../../scripts/lib/offline-page';

const stateOf = (page: FlowPage) =>
  page
    .evaluate(
      () => ({
        readyState: document.readyState,
        marked: [...document.querySelectorAll('a[data-paperpeek]')].map((link) => link.id),
      }),
      undefined,
    )
    .catch(() => null);

describe('a real page served offline', () => {
  it.each(REAL_PAGES)(
    '%s: its scripts go to the test server, the paper link where it stops',
    (_, name) => {
      const { html, parserHeld } = offlinePage(readRealPage(name), 'http://127.0.0.1:9');
      expect(html).toContain('id="paper"');
      // No script of the page's own hosts is left: each goes to the test's server or the third party.
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi))
        expect(src).toMatch(/^(?:\/gone\/|http:\/\/127\.0\.0\.1:9\/never\/)/);
      // Wikipedia's one script is async: its parser finishes, its `load` never comes.
      expect(parserHeld).toBe(name !== 'wikipedia');
    },
  );
});

describe.each(BROWSERS)('cards on real pages held offline in $name', (browser) => {
  let session: FlowSession;
  let server: FixtureServer;
  let thirdParty: FixtureServer;

  beforeAll(async () => {
    [session, server, thirdParty] = await Promise.all([
      browser.launch(),
      startFixtureServer(),
      startFixtureServer(),
    ]);
    const origin = new URL(thirdParty.url('/')).origin;
    for (const [, name] of REAL_PAGES)
      server.page(`/real/${name}.html`, offlinePage(readRealPage(name), origin).html);
    await readyWithoutDwell(session);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await thirdParty?.close();
  });

  it.each(REAL_PAGES)('%s: the paper link is marked and opens its card', async (_, name) => {
    const held = name === 'wikipedia' ? 'interactive' : 'loading';
    const page = await session.openPage(server.url(`/real/${name}.html`), { loaded: false });
    await expect
      .poll(async () => (await stateOf(page))?.marked, { timeout: 10_000 })
      .toEqual(['paper']);
    expect((await stateOf(page))?.readyState).toBe(held);
    await expectCardStays(session, page, '#paper', /^Self-regulating Prompts/);
    // A second after the card opened: the page still held, no other link marked.
    const later = await stateOf(page);
    expect(later?.readyState).toBe(held);
    expect(later?.marked).toEqual(['paper']);
    await page.close();
  });

  it('reports no error from any of its contexts', () => {
    // The saved pages' own inline scripts have errors of theirs (Firefox logs them with the rest).
    expect(session.errors().filter((error) => !error.includes('/real/'))).toEqual([]);
  });
});
