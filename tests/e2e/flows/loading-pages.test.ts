/**
 * Cards while a page is still loading, in every browser under test: a page whose parser is held
 * mid-body by a script that never arrives (readyState stays "loading"), and one whose
 * DOMContentLoaded waits on a deferred script that never arrives (readyState "interactive").
 * Ad and tracker tags do both in the wild. The links on screen get their markers and their cards
 * while the page is held, as they do on a page that loaded.
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

const LINKS = `<p>Read <a id="paper" href="https://arxiv.org/abs/2307.06948">PromptSRC</a> and
<a id="other" href="https://example.org/news">the news</a>.</p>`;

/** The parser stops at a script that never arrives: what follows it is never parsed. */
const PARSER_HELD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Held</title>
<style>body{margin:40px;font:16px/2 sans-serif}</style></head><body>${LINKS}
<script src="/never/blocking.js"></script><p id="after">Never parsed.</p></body></html>`;

/** Parsed whole, but DOMContentLoaded waits for a deferred script that never arrives. */
const DEFERRED_HELD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deferred</title>
<script defer src="/never/deferred.js"></script>
<style>body{margin:40px;font:16px/2 sans-serif}</style></head><body>${LINKS}
<p id="after">Parsed.</p></body></html>`;

/**
 * While a slow script holds the parser, a page script puts a paper link at the top of the page,
 * before the links already parsed; the parser then goes on to the end.
 */
const INSERTED_WHILE_HELD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inserted</title>
<style>body{margin:40px;font:16px/2 sans-serif}</style></head><body>${LINKS}
<script>setTimeout(() => {
  const link = Object.assign(document.createElement('a'), {
    id: 'inserted', href: 'https://huggingface.co/papers/2307.06948', textContent: 'PromptSRC again',
  });
  document.body.prepend(link);
}, 500);</script>
<script src="/slow/blocking.js"></script><p id="after">Parsed at last.</p></body></html>`;

/** The page's state, or null while the navigation has not yet given it a document. */
const stateOf = (page: FlowPage) =>
  page
    .evaluate(
      () => ({
        readyState: document.readyState,
        marked: document.getElementById('paper')?.getAttribute('data-paperpeek') ?? null,
        after: document.getElementById('after') !== null,
      }),
      undefined,
    )
    .catch(() => null);

describe.each(BROWSERS)('cards on a page still loading in $name', (browser) => {
  let session: FlowSession;
  let server: FixtureServer;

  beforeAll(async () => {
    [session, server] = await Promise.all([browser.launch(), startFixtureServer()]);
    server.page('/parser-held.html', PARSER_HELD);
    server.page('/deferred-held.html', DEFERRED_HELD);
    server.page('/inserted-while-held.html', INSERTED_WHILE_HELD);
    await readyWithoutDwell(session);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each([
    ['a parser held mid-body', '/parser-held.html', 'loading', false],
    ['DOMContentLoaded held by a deferred script', '/deferred-held.html', 'interactive', true],
  ] as const)('marks the paper link and opens its card with %s', async (_, path, state, after) => {
    const page = await session.openPage(server.url(path), { loaded: false });
    await expect
      .poll(() => stateOf(page), { timeout: 10_000 })
      .toEqual({ readyState: state, marked: '', after });
    await expectCardStays(session, page, '#paper', /^Self-regulating Prompts/);
    // A second after the card opened, the page is still held.
    expect((await stateOf(page))?.readyState).toBe(state);
    expect(await page.$eval('#other', (link) => link.hasAttribute('data-paperpeek'))).toBe(false);
    await page.close();
  });

  it('marks a link a script put before the parsed ones while the parser was held', async () => {
    const page = await session.openPage(server.url('/inserted-while-held.html'), {
      loaded: false,
    });
    const marks = () =>
      page
        .evaluate(
          () => [...document.querySelectorAll('a[data-paperpeek]')].map((link) => link.id).sort(),
          undefined,
        )
        .catch(() => []);
    await expect.poll(marks, { timeout: 10_000 }).toEqual(['inserted', 'paper']);
    expect((await stateOf(page))?.after).toBe(true);
    await page.close();
  });

  it('reports no error from any of its contexts', () => {
    expect(session.errors()).toEqual([]);
  });
});
