/**
 * Venue links in every browser under test: papers imported with their venue pages (an ACL DOI,
 * an OpenReview forum, a NeurIPS page), then a page linking those venue pages in other forms.
 * Each link gets its paper's card, with where it was published, and a marker; a forum no paper
 * lists gets a card that says why it has no abstract (look-ups off), and a venue's own page none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  pointAt,
  send,
  setLocal,
  until,
  waitForBundledDigest,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

const PAPERS = [
  {
    id: '1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    abstract: 'We introduce a new language representation model called BERT.',
    authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    repos: [],
    links: [],
    doi: '10.18653/v1/N19-1423',
  },
  {
    id: 'vit-iclr-2021',
    title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
    abstract: 'While the Transformer architecture has become the de-facto standard for NLP.',
    authors: ['Alexey Dosovitskiy'],
    repos: [],
    links: ['https://openreview.net/forum?id=YicbFdNTTy'],
    venue: 'ICLR 2021',
  },
  {
    id: 'gpt-3-neurips',
    title: 'Language Models are Few-Shot Learners (NeurIPS version)',
    abstract:
      'We demonstrate that scaling up language models greatly improves few-shot performance.',
    authors: ['Tom B. Brown'],
    repos: [],
    links: [
      'https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
    ],
  },
];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Venue links</title>
<style>body{margin:40px;font:16px/2 sans-serif}a{display:block;width:max-content}</style></head><body>
<a id="acl" href="https://aclanthology.org/N19-1423.pdf">BERT at NAACL</a>
<a id="openreview" href="https://openreview.net/pdf?id=YicbFdNTTy">ViT on OpenReview</a>
<a id="neurips" href="https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf">GPT-3 at NeurIPS</a>
<a id="other" href="https://openreview.net/forum?id=nZeVKeeFYf9">A forum no paper lists</a>
<a id="group" href="https://openreview.net/group?id=ICLR.cc/2021/Conference">ICLR 2021</a>
<p id="blank" style="height:300px"></p></body></html>`;

/** The same papers by other forms, one of them twice (BERT's Anthology PDF and its DOI). */
const BADGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badge</title></head><body>
<a href="https://aclanthology.org/N19-1423/">BERT at NAACL</a>
<a href="https://doi.org/10.18653/v1/N19-1423">BERT's DOI</a>
<a href="https://openreview.net/forum?id=YicbFdNTTy">ViT on OpenReview</a>
<a href="https://papers.nips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html">GPT-3</a>
<a href="https://openreview.net/forum?id=nZeVKeeFYf9">A forum no paper lists</a>
</body></html>`;

/** Every open tab's badge text, from an extension page (`action` in Chrome, `browserAction` in Firefox's MV2). */
function badges(page: FlowPage): Promise<string[]> {
  return page.evaluate(async () => {
    interface Badges {
      tabs: { query(query: object): Promise<{ id?: number }[]> };
      action?: { getBadgeText(details: object): Promise<string> };
      browserAction?: { getBadgeText(details: object): Promise<string> };
    }
    const scope = globalThis as unknown as { browser?: Badges; chrome: Badges };
    const api = scope.browser ?? scope.chrome;
    const action = api.action ?? api.browserAction;
    const tabs = await api.tabs.query({});
    return Promise.all(tabs.map((tab) => action?.getBadgeText({ tabId: tab.id }) ?? ''));
  }, undefined);
}

describe.each(BROWSERS)('venue links in $name', (browser) => {
  let session: FlowSession;
  let server: FixtureServer;
  let extensionPage: FlowPage;

  beforeAll(async () => {
    [session, server] = await Promise.all([browser.launch(), startFixtureServer()]);
    server.page('/venues.html', PAGE);
    extensionPage = await session.openExtensionPage('options.html');
    await waitForBundledDigest(extensionPage);
    // Nothing leaves the machine: a venue link no paper lists gets a card that says so.
    await setLocal(extensionPage, {
      settings: { hoverDelayMs: 0 },
      sourceSettings: { arxivLookups: false },
    });
    const begun = await send(extensionPage, {
      type: 'importBegin',
      data: { label: 'venues.json' },
    });
    const { importId } = begun.value as { importId: string };
    const chunk = await send(extensionPage, {
      type: 'importChunk',
      data: { importId, papers: PAPERS },
    });
    expect(chunk.value).toEqual({ accepted: 3, skipped: 0 });
    const committed = await send(extensionPage, { type: 'importCommit', data: { importId } });
    expect(committed.ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('opens the paper behind each venue link, says where it was published, and marks it', async () => {
    const page = await session.openPage(server.url('/venues.html'));
    const marked = () => page.$$eval('a[data-paperpeek]', (links) => links.map((link) => link.id));
    await until(async () => (await marked()).length === 3, 'three venue links marked');
    expect(await marked()).toEqual(['acl', 'openreview', 'neurips']);
    for (const [id, title, venue] of [
      ['acl', /^BERT: Pre-training/, 'Published in NAACL 2019'],
      ['openreview', /^An Image is Worth/, 'Published in ICLR 2021'],
      ['neurips', /^Language Models are Few-Shot/, 'Published in NeurIPS 2020'],
    ] as const) {
      await page.mouse.move(5, 5);
      await expect.poll(() => session.card(page), { timeout: 3_000 }).toBeNull();
      await pointAt(page, `#${id}`);
      await expect
        .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000, message: id })
        .toMatch(title);
      expect((await session.card(page))?.text).toContain(venue);
      // A second later the card is still there, as it was.
      await new Promise((done) => setTimeout(done, 1_000));
      expect((await session.card(page))?.title).toMatch(title);
    }
    await page.mouse.move(5, 5);
    await expect.poll(() => session.card(page), { timeout: 3_000 }).toBeNull();
    await pointAt(page, '#other');
    await expect
      .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000 })
      .toBe('OpenReview forum nZeVKeeFYf9');
    expect((await session.card(page))?.text).toContain('nothing was sent to OpenReview');
    await page.mouse.move(5, 5);
    await expect.poll(() => session.card(page), { timeout: 3_000 }).toBeNull();
    await pointAt(page, '#group');
    await new Promise((done) => setTimeout(done, 500));
    expect(await session.card(page)).toBeNull();
    expect(session.errors()).toEqual([]);
    await page.close();
  });

  it('finds the paper behind a venue link or DOI pasted into the popup’s search', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.evaluate(() => !!document.querySelector('input[type=search]'), undefined))
      .toBe(true);
    const results = () =>
      popup.$$eval('[role=option] .result__title', (titles) =>
        titles.map((title) => title.textContent ?? ''),
      );
    for (const [pasted, title] of [
      ['https://openreview.net/pdf?id=YicbFdNTTy', /^An Image is Worth/],
      ['aclanthology.org/N19-1423.pdf', /^BERT: Pre-training/],
      ['10.18653/v1/N19-1423', /^BERT: Pre-training/],
      [
        'https://papers.nips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
        /^Language Models are Few-Shot Learners \(NeurIPS/,
      ],
    ] as const) {
      // Pasted: the whole address arrives in one input event.
      await popup.evaluate((text) => {
        const box = document.querySelector<HTMLInputElement>('input[type=search]');
        if (!box) throw new Error('no search box');
        box.focus();
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }, pasted);
      await expect
        .poll(results, { timeout: 5_000, message: pasted })
        .toEqual([expect.stringMatching(title)]);
    }
    await popup.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('input[type=search]');
      if (!box) throw new Error('no search box');
      box.value = 'https://openreview.net/forum?id=nZeVKeeFYf9';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, undefined);
    await expect
      .poll(() => popup.evaluate(() => document.body.innerText, undefined), { timeout: 5_000 })
      .toContain('No paper in your digest has this link.');
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await results()).toEqual([]);
    await popup.close();
  });

  it('counts the papers behind venue links on the badge, each once, and none for a forum no paper lists', async () => {
    server.page('/venue-badge.html', BADGE_PAGE);
    const page = await session.openPage(server.url('/venue-badge.html'));
    await until(
      async () => (await page.$$eval('a[data-paperpeek]', (links) => links.length)) === 4,
      'four venue links marked',
    );
    await expect.poll(() => badges(extensionPage), { timeout: 5_000 }).toContain('3');
    expect(await badges(extensionPage)).not.toContain('4');
    await page.close();
  });
});
