/**
 * Real pages saved from news sites, a blog, documentation and Wikipedia
 * (tests/fixtures/pages/real/README.md), served as a reader offline meets them: their scripts in
 * the body never arrive, so three of the four never finish parsing and the fourth never
 * finishes loading. A paper link put where the parser stops gets its marker and its card while
 * the page is held, in every browser under test, and none of the page's own hundreds of links
 * is mistaken for a paper.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  pointAt,
  setLocal,
  waitForBundledDigest,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

const REAL_PAGES = resolve(import.meta.dirname, '../../fixtures/pages/real');

/** Fixed to the viewport so the pointer can reach it wherever the page's layout puts it. */
const PAPER_LINK = `<p id="paperpeek-test" style="position:fixed;top:12px;left:12px;z-index:2147483646;
margin:0;padding:8px 12px;background:#fff;color:#000;font:16px/1.5 sans-serif;border:1px solid #888">
Read <a id="paper" href="https://arxiv.org/abs/2307.06948">PromptSRC</a>.</p>`;

const ABSOLUTE = /^(?:https?:)?\/\//i;

/**
 * The page as a reader offline meets it. Its blocking scripts and its stylesheets in the head
 * fail at once (a host that does not resolve); its other scripts go to a third party that never
 * answers, so the parser stops at the first blocking one in the body, and an async or deferred
 * one holds the page's `load` or `DOMContentLoaded`. That third party is another origin, as it is
 * in the wild: a browser opens at most six connections to one, and requests that never end would
 * otherwise hold the page's own. Its images and frames go nowhere. The paper link is put just
 * before that script, or after the first paragraph of a page without one.
 */
function offline(html: string, thirdParty: string): { html: string; parserHeld: boolean } {
  const bodyAt = html.search(/<body[\s>]/i);
  let count = 0;
  let parserHeld = false;
  const redirect = (tag: string, attribute: string, to: string) =>
    tag.replace(new RegExp(`\\b${attribute}\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s>]+)`, 'i'), () => {
      count += 1;
      return `${attribute}="${to}-${count}"`;
    });
  let page = html.replace(/<script\b[^>]*>/gi, (tag: string, at: number) => {
    if (!/\bsrc\s*=/i.test(tag)) return tag;
    // An attribute named async or defer (not a word in another's value: `id="async-buttons"`).
    const blocking = !/\s(?:async|defer)(?=[\s=>/])/i.test(tag);
    if (at < bodyAt && blocking) return redirect(tag, 'src', '/gone/script');
    const moved = redirect(tag, 'src', `${thirdParty}/never/script`);
    if (!blocking || parserHeld) return moved;
    parserHeld = true;
    return `${PAPER_LINK}${moved}`;
  });
  page = page.replace(/<link\b[^>]*>/gi, (tag: string) =>
    /\bhref\s*=/i.test(tag) ? redirect(tag, 'href', '/gone/link') : tag,
  );
  page = page.replace(/<(?:img|iframe|source|video|audio|embed)\b[^>]*>/gi, (tag: string) => {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? '';
    const moved = ABSOLUTE.test(src) ? redirect(tag, 'src', '/gone/asset') : tag;
    return moved.replace(/\bsrcset\s*=\s*(?:"[^"]*"|'[^']*')/gi, '');
  });
  if (!parserHeld) {
    const paragraphEnd = page.indexOf('</p>', page.search(/<body[\s>]/i));
    page = `${page.slice(0, paragraphEnd + 4)}${PAPER_LINK}${page.slice(paragraphEnd + 4)}`;
  }
  return { html: page, parserHeld };
}

const PAGES = [
  ['news (CNN)', 'cnn'],
  ['a blog (Blogger)', 'blogger'],
  ["documentation (Google's SRE book)", 'google-sre-book-1'],
  ['Wikipedia', 'wikipedia'],
] as const;

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
  it.each(PAGES)(
    '%s: its scripts go to the test server, the paper link where it stops',
    (_, name) => {
      const { html, parserHeld } = offline(
        readFileSync(resolve(REAL_PAGES, `${name}.html`), 'utf8'),
        'http://127.0.0.1:9',
      );
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
    for (const [, name] of PAGES)
      server.page(
        `/real/${name}.html`,
        offline(readFileSync(resolve(REAL_PAGES, `${name}.html`), 'utf8'), origin).html,
      );
    const extensionPage = await session.openExtensionPage('popup.html');
    await waitForBundledDigest(extensionPage);
    await setLocal(extensionPage, { settings: { hoverDelayMs: 0 } });
    await extensionPage.close();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await thirdParty?.close();
  });

  it.each(PAGES)('%s: the paper link is marked and opens its card', async (_, name) => {
    const held = name === 'wikipedia' ? 'interactive' : 'loading';
    const page = await session.openPage(server.url(`/real/${name}.html`), { loaded: false });
    await expect
      .poll(async () => (await stateOf(page))?.marked, { timeout: 10_000 })
      .toEqual(['paper']);
    expect((await stateOf(page))?.readyState).toBe(held);
    await pointAt(page, '#paper');
    await expect
      .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000 })
      .toMatch(/^Self-regulating Prompts/);
    // A second later: the card is still there, the page still held, no other link marked.
    await new Promise((done) => setTimeout(done, 1_000));
    expect((await session.card(page))?.title).toMatch(/^Self-regulating Prompts/);
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
