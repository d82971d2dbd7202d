/**
 * Pages that make life hard for a content script (#7), and pages shaped like the real sites
 * paper links live on. On each: the card works or stays away cleanly, the page behaves as
 * before, no error from the extension reaches the console, and nothing moves but the markers.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardInspector } from './card-inspector';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import {
  collectErrors,
  launchExtension,
  request,
  setLocalStorage,
  waitForDigest,
  type ExtensionSession,
} from './harness';

const GPT3 = 'https://arxiv.org/abs/2005.14165';
const GPT3_TITLE = 'Language Models are Few-Shot Learners';
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

describe('hostile and real-shaped pages in Chromium', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let extensionPage: Page;

  /** Opens a page and collects every console error and uncaught exception it sees. */
  async function open(path: string, html: string) {
    server.page(path, html);
    const tab = await session.context.newPage();
    const errors = collectErrors(tab);
    await tab.goto(server.url(path));
    return { tab, errors, cards: await CardInspector.attach(tab) };
  }

  const titleOf = async (cards: CardInspector) => (await cards.card())?.title ?? null;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    extensionPage = await session.openExtensionPage('popup.html');
    await waitForDigest(extensionPage);
    await setLocalStorage(extensionPage, {
      settings: { hoverDelayMs: 0 },
      sourceSettings: { arxivLookups: false },
    });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('an SVG document: nothing happens, nothing breaks', async () => {
    server.page(
      '/image.svg',
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="100"><a xlink:href="${GPT3}"><text x="10" y="50">GPT-3</text></a></svg>`,
      { 'content-type': 'image/svg+xml' },
    );
    const tab = await session.context.newPage();
    const errors = collectErrors(tab);
    await tab.goto(server.url('/image.svg'));
    await tab.hover('text');
    await tab.waitForTimeout(300);
    expect(await tab.evaluate('document.querySelectorAll("paperpeek-card").length')).toBe(0);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('a page that links no paper carries no stylesheet of ours, until a paper link arrives', async () => {
    const { tab, errors } = await open(
      '/no-papers.html',
      page('<p><a href="https://example.org/">a site</a> and <a href="/x">a page</a></p>'),
    );
    await tab.waitForTimeout(500);
    const sheets = () => tab.evaluate('document.adoptedStyleSheets.length');
    expect(await sheets()).toBe(0);
    // A single-page app adds a paper link later: marked, and styled as a marker.
    await tab.evaluate(`{
      const a = document.createElement('a');
      a.id = 'late';
      a.href = '${GPT3}';
      a.textContent = 'GPT-3';
      document.body.append(a);
    }`);
    await expect.poll(() => tab.getAttribute('#late', 'data-paperpeek')).toBe('');
    expect(await sheets()).toBe(1);
    expect(await tab.$eval('#late', (link) => getComputedStyle(link).textDecorationStyle)).toBe(
      'dotted',
    );
    await tab.waitForTimeout(1_000);
    expect(await tab.getAttribute('#late', 'data-paperpeek')).toBe('');
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('nested and sandboxed iframes: the card works in frames that run scripts, and stays away from the others', async () => {
    server.page(
      '/inner.html',
      page(`<p style="margin:30px"><a id="l" href="${GPT3}">GPT-3</a></p>`),
    );
    const { tab, errors } = await open(
      '/frames.html',
      page(
        `<iframe id="nested" src="/inner.html" width="500" height="150"></iframe>
         <iframe id="sandboxed" sandbox src="/inner.html" width="500" height="150"></iframe>`,
      ),
    );
    const nested = tab.frameLocator('#nested');
    await nested.locator('#l').hover();
    const frame = tab
      .frames()
      .find((f) => f.url().endsWith('/inner.html') && f.parentFrame() === tab.mainFrame());
    expect(frame).toBeDefined();
    await expect
      .poll(() => frame?.evaluate('document.querySelectorAll("paperpeek-card").length'))
      .toBe(1);
    await tab.frameLocator('#sandboxed').locator('#l').hover();
    await tab.waitForTimeout(300);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('a link inside a modal <dialog>: the card shows above it, and can be used', async () => {
    const { tab, errors, cards } = await open(
      '/dialog.html',
      page(
        `<dialog id="d"><p>Cited: <a id="l" href="${GPT3}">GPT-3</a></p></dialog>
         <script>document.getElementById('d').showModal()</script>`,
      ),
    );
    await tab.hover('#l');
    // Outside the modal dialog the card would be inert: hidden from the accessibility tree.
    await expect.poll(() => cards.dialogNames()).toContain(GPT3_TITLE);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('a transparent overlay over the link: no card (the pointer is on the overlay)', async () => {
    const { tab, errors, cards } = await open(
      '/overlay.html',
      page(
        `<p style="margin:40px"><a id="l" href="${GPT3}">GPT-3</a></p>
         <div id="o" style="position:fixed;inset:0;background:transparent"></div>`,
      ),
    );
    await tab.mouse.move(60, 50);
    await tab.hover('#o');
    await tab.waitForTimeout(300);
    expect(await cards.card()).toBeNull();
    expect(errors).toEqual([]);
    await tab.close();
  });

  it("scripted clicks on the card's buttons are ignored", async () => {
    const { tab, errors, cards } = await open(
      '/clicks.html',
      page(`<p style="margin:40px"><a id="l" href="${GPT3}">GPT-3</a></p>`),
    );
    await tab.hover('#l');
    await expect.poll(() => titleOf(cards)).toBe(GPT3_TITLE);
    // The page tries every way it has at the card: its shadow root is closed, so only events
    // on the host element (retargeted) are within reach.
    await tab.evaluate(() => {
      const host = document.querySelector('paperpeek-card');
      for (const type of ['click', 'pointerdown', 'pointerup', 'keydown'])
        host?.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
      (host as HTMLElement | null)?.click();
      return host?.shadowRoot ?? null;
    });
    await tab.waitForTimeout(300);
    const saved = (await request(extensionPage, {
      type: 'lookup',
      data: { keys: ['arxiv:2005.14165'] },
    })) as { value: Record<string, { saved: boolean }> };
    expect(saved.value['arxiv:2005.14165']?.saved).toBe(false);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('a page that removes and re-adds its whole body: markers and cards come back', async () => {
    const { tab, errors, cards } = await open(
      '/rebody.html',
      page(`<p style="margin:40px"><a id="l" href="${GPT3}">GPT-3</a></p>`),
    );
    await tab.waitForTimeout(500);
    await tab.evaluate(() => {
      // As single-page apps do: the whole body goes, a new one (same content) comes.
      const fresh = document.body.cloneNode(true);
      document.body.remove();
      document.documentElement.append(fresh);
    });
    await tab.hover('#l');
    await expect.poll(() => titleOf(cards)).toBe(GPT3_TITLE);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('a page of 50,000 links stays responsive and error-free', async () => {
    const links = Array.from(
      { length: 50_000 },
      (_, i) => `<a href="https://arxiv.org/abs/2401.${String(i).padStart(5, '0')}">p${i}</a> `,
    ).join('');
    const { tab, errors, cards } = await open(
      '/many.html',
      page(`<p style="margin:40px"><a id="l" href="${GPT3}">GPT-3</a></p><div>${links}</div>`),
    );
    await tab.hover('#l');
    await expect.poll(() => titleOf(cards), { timeout: 10_000 }).toBe(GPT3_TITLE);
    expect(errors).toEqual([]);
    await tab.close();
  });
});

/** Pages shaped like the sites paper links live on. */
const SHAPED: [string, string][] = [
  [
    'a GitHub README',
    page(`<div class="markdown-body" style="max-width:800px;margin:auto;font:16px/1.5 sans-serif">
      <h1>PromptSRC</h1><p><a href="https://arxiv.org/abs/2307.06948"><img alt="arXiv" width="100" height="20"></a>
      <a href="https://github.com/muzairkhattak/PromptSRC">code</a></p>
      <h2>Citation</h2><pre><code>@article{khattak2023self, eprint={2307.06948}}</code></pre>
      <table><tr><td><a href="https://arxiv.org/pdf/2005.14165v4.pdf">GPT-3 (pdf)</a></td><td>baseline</td></tr></table></div>`),
  ],
  [
    'a search results page with redirect links',
    page(
      `<ol style="font:14px sans-serif">${[2005.14165, 2307.06948, 2210.03869]
        .map(
          (id) =>
            `<li><a href="https://www.google.com/url?q=https%3A%2F%2Farxiv.org%2Fabs%2F${id}&sa=U">arxiv.org › abs › ${id}</a><p>snippet</p></li>`,
        )
        .join('')}</ol>`,
    ),
  ],
  [
    'a social feed with shortened links and infinite scroll',
    page(
      `<main id="feed" style="width:600px;margin:auto"></main><script>
      let n = 0;
      function more() { for (let i = 0; i < 20; i++, n++) { const a = document.createElement('article');
        a.innerHTML = '<p>post ' + n + ' <a href="https://t.co/abc' + n + '" title="https://arxiv.org/abs/2005.14165">arxiv.org/abs/2005.14…</a></p>';
        document.getElementById('feed').append(a); } }
      more(); let batches = 0; const t = setInterval(() => { more(); if (++batches === 10) clearInterval(t); }, 50);
      </script>`,
    ),
  ],
  [
    'a forum thread',
    page(
      `<div style="font:15px sans-serif">${Array.from(
        { length: 30 },
        (_, i) =>
          `<div class="post"><b>user${i}</b><blockquote>see <a href="https://arxiv.org/abs/2210.03869v${(i % 3) + 1}">this</a></blockquote><p>reply with <a href="https://huggingface.co/papers/2307.06948">HF page</a></p></div>`,
      ).join('')}</div>`,
    ),
  ],
  [
    'a docs site with a sticky header',
    page(
      `<header style="position:sticky;top:0;height:60px;background:#fff;z-index:10;border-bottom:1px solid #ccc">Docs</header>
      <nav style="position:fixed;left:0;top:60px;width:200px"><a href="https://arxiv.org/abs/2005.14165">Paper</a></nav>
      <article style="margin-left:220px;height:3000px"><p>Based on <a href="http://arxiv.org/abs/2307.06948">PromptSRC</a>.</p></article>`,
    ),
  ],
];

describe('pages shaped like real sites', () => {
  let session: ExtensionSession;
  let server: FixtureServer;

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    const popup = await session.openExtensionPage('popup.html');
    await waitForDigest(popup);
    await popup.close();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(SHAPED)('%s: no exception, and nothing moves but the markers', async (_name, html) => {
    const path = `/shaped-${Math.random().toString(36).slice(2)}.html`;
    server.page(path, html);
    const tab = await session.context.newPage();
    const errors = collectErrors(tab);
    // Every element's box before the content script runs (it starts at document_idle)...
    await tab.addInitScript(`document.addEventListener('DOMContentLoaded', () => {
      window.__boxes = () => [...document.querySelectorAll('body *')].map((el) => { const r = el.getBoundingClientRect(); return [el.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(); });
      setTimeout(() => { window.__before = window.__boxes(); }, 700);
    });`);
    await tab.goto(server.url(path));
    // ...and after it has marked the links (the feed has finished appending by then).
    await tab.waitForTimeout(1_800);
    const [before, after] = (await tab.evaluate('[window.__before, window.__boxes()]')) as [
      string[],
      string[],
    ];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(errors).toEqual([]);
    await tab.close();
  });
});
