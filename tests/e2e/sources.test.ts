import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { CardInspector } from './card-inspector';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import {
  launchExtension,
  request,
  setLocalStorage,
  waitForDigest,
  type ExtensionSession,
} from './harness';
import { startStandInServices, type StandInServices } from './stand-in-services';

const fixture = (path: string) =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

/** The saved Hugging Face answer, with papers the bundled digest does not have. */
function freshDailyPapers(): unknown[] {
  const items = JSON.parse(fixture('hugging-face/daily-papers.json')) as {
    paper: { id: string; title: string };
    title: string;
  }[];
  return items.map((item, index) => {
    const id = `2611.${String(index + 1).padStart(5, '0')}`;
    const title = `Fresh paper ${index + 1}: ${item.paper.title}`;
    return { ...item, title, paper: { ...item.paper, id, title } };
  });
}

describe('digest sources and the options page in Chromium', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let services: StandInServices;
  let options: Page;

  const paperCount = async () =>
    ((await request(options, { type: 'status', data: {} })) as { value: { paperCount: number } })
      .value.paperCount;
  const hfRow = () => options.getByRole('listitem', { name: 'Hugging Face Daily Papers' });

  async function hoverCard(
    href: string,
    timeout = 8_000,
  ): Promise<{ title: string; from: boolean; text: string } | null> {
    server.page(
      '/one-link.html',
      `<!doctype html><p style="margin:40px"><a id="link" href="${href}">paper</a></p>`,
    );
    const page = await session.context.newPage();
    await page.goto(server.url('/one-link.html'));
    const cards = await CardInspector.attach(page);
    await page.hover('#link');
    let card = null;
    try {
      await expect
        .poll(async () => (await cards.card())?.title ?? null, { timeout })
        .not.toBeNull();
      card = await cards.card();
    } catch {
      card = null;
    }
    await page.close();
    return card
      ? { title: card.title, from: card.text.includes('From the arXiv API'), text: card.text }
      : null;
  }

  beforeAll(async () => {
    [session, server, services] = await Promise.all([
      launchExtension(),
      startFixtureServer(),
      startStandInServices(),
    ]);
    // arXiv knows the authors of two bundled papers the Daily Papers page gave without them.
    for (const [id, author] of [
      ['2005.14165', 'Tom B. Brown'],
      ['2307.06948', 'Muhammad Uzair Khattak'],
    ] as const) {
      const known = (bundled.papers as { id: string; title: string; abstract: string }[]).find(
        (paper) => paper.id === id,
      );
      services.arxivEntries.set(
        id,
        `<entry><id>http://arxiv.org/abs/${id}v1</id><published>2023-07-13T17:59:00Z</published><title>${known?.title ?? ''}</title><summary>${known?.abstract.replace(/&/g, '&amp;').replace(/</g, '&lt;') ?? ''}</summary><author><name>${author}</name></author></entry>`,
      );
    }
    options = await session.openExtensionPage('options.html');
    await waitForDigest(options);
    await setLocalStorage(options, {
      endpoints: {
        huggingFace: services.huggingFaceUrl,
        arxiv: services.arxivUrl,
        openReview: services.openReviewUrl,
        openAlex: services.openAlexUrl,
      },
      settings: { hoverDelayMs: 0 },
    });
    await options.reload();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await services?.close();
  });

  it('refreshes from Hugging Face: seven days the first time, and the new papers have cards', async () => {
    services.dailyPapers('papers', freshDailyPapers());
    const before = await paperCount();
    await options.getByRole('button', { name: 'Refresh now' }).click();
    await expect
      .poll(() => options.getByText('Hugging Face Daily Papers: 12 new').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await paperCount()).toBe(before + 12);
    expect(services.requests.filter((path) => path.startsWith('/api/daily_papers'))).toHaveLength(
      7,
    );
    await expect.poll(() => hfRow().textContent()).toMatch(/12 papers · last success just now/);
    expect(await hoverCard('https://arxiv.org/abs/2611.00003')).toMatchObject({
      title: expect.stringMatching(/^Fresh paper 3: /),
      from: false,
    });
  });

  it.each([
    ['answers 500', 'error-500', /answered 500/],
    ['sends garbage', 'garbage', /not JSON/],
    ['sends an empty list', 'empty', /no papers/],
    ['hangs up without an answer', 'hang-up', /Could not reach/],
  ] as const)(
    'keeps the old digest serving when the server %s, with the error on the options page',
    async (_name, mode, message) => {
      const before = await paperCount();
      services.dailyPapers(mode);
      await options.getByRole('button', { name: 'Refresh now' }).click();
      await expect.poll(() => hfRow().getByText(message).count(), { timeout: 20_000 }).toBe(1);
      expect(await paperCount()).toBe(before);
      expect(await hoverCard('https://arxiv.org/abs/2611.00003')).toMatchObject({
        title: expect.stringMatching(/^Fresh paper 3/),
      });
    },
  );

  it.each([
    [
      'a PaperPeek digest',
      'digest.json',
      () =>
        JSON.stringify({
          format: 'paperpeek-digest',
          version: 1,
          generatedAt: '2026-11-26T00:00:00Z',
          source: 'test',
          papers: [
            {
              id: '2611.10001',
              title: 'Imported digest paper',
              abstract: 'An abstract of an imported digest paper.',
              authors: ['Ada Lovelace'],
            },
          ],
        }),
      'PaperPeek digest with 1 papers',
      1,
    ],
    [
      'a saved API response',
      'daily.json',
      () =>
        JSON.stringify(
          (freshDailyPapers() as { paper: { id: string } }[]).map((item, index) => ({
            ...item,
            paper: { ...item.paper, id: `2611.2${String(index).padStart(4, '0')}` },
          })),
        ),
      'Hugging Face Daily Papers API response with 12 papers',
      12,
    ],
    [
      'the text of a Daily Papers page',
      'page.txt',
      () => fixture('../../assets/seed/daily-papers-page.txt'),
      'Daily Papers page text with 71 papers',
      0,
    ],
  ])('imports %s after showing what it found', async (_name, fileName, content, found, added) => {
    const before = await paperCount();
    await options
      .getByLabel('Import digest')
      .setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(content()) });
    const preview = options.getByRole('group', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toContain(found);
    expect(await paperCount()).toBe(before); // nothing changes before "Add"
    await preview.getByRole('button', { name: /^Add / }).click();
    await expect
      .poll(() => options.getByText(new RegExp(`Imported ${fileName}: ${added} added`)).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await paperCount()).toBe(before + added);
  });

  it('keeps papers whose optional fields are unusable, and says which were dropped', async () => {
    const items = (freshDailyPapers() as { paper: Record<string, unknown> }[]).map(
      (item, index): { paper: Record<string, unknown> } => ({
        ...item,
        paper: { ...item.paper, id: `2611.3${String(index).padStart(4, '0')}` },
      }),
    );
    if (items[0]) items[0].paper.githubRepo = 'https://gitlab.com/group/project';
    await options.getByLabel('Import digest').setInputFiles({
      name: 'odd.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(items)),
    });
    const preview = options.getByRole('group', { name: 'Import preview' });
    await expect
      .poll(() => preview.textContent())
      .toContain(
        'with 12 papers. 1 unusable field was dropped; those papers are kept without them.',
      );
    await preview.getByText('1 field dropped').click();
    await expect
      .poll(() => preview.textContent())
      .toContain(
        'githubRepo is not a GitHub repository (https://gitlab.com/group/project); dropped',
      );
    await preview.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows its file choosers as buttons like the others, reachable by keyboard', async () => {
    const looks = await options.evaluate(() => {
      const style = (element: Element | null) => {
        if (!element) return null;
        const computed = getComputedStyle(element);
        return [computed.borderTopWidth, computed.borderTopStyle, computed.borderRadius];
      };
      return {
        button: style(document.querySelector('button')),
        choosers: [...document.querySelectorAll('input[type=file]')].map((input) =>
          style(input.closest('label')),
        ),
      };
    });
    expect(looks.choosers).toHaveLength(2);
    for (const chooser of looks.choosers) expect(chooser).toEqual(looks.button);
    await options.getByLabel('Import digest').focus();
    expect(await options.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');
  });

  it('refuses a file it cannot read, and changes nothing', async () => {
    const before = await paperCount();
    await options.getByLabel('Import digest').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"paperpeek-digest","version":1,"papers":"no"}'),
    });
    await expect
      .poll(() => options.getByRole('alert').filter({ hasText: 'nothing can be imported' }).count())
      .toBe(1);
    expect(await paperCount()).toBe(before);
  });

  it('says what a file that is no digest is, and what import takes', async () => {
    const before = await paperCount();
    // A paper's PDF, picked by mistake: the first bytes of a real one.
    await options.getByLabel('Import digest').setInputFiles({
      name: 'attention.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([
        Buffer.from('%PDF-1.5\n%'),
        Buffer.from([0xd0, 0xd4, 0xc5, 0xd8]),
        Buffer.from('\n3 0 obj\n<< /Length 4 /Filter /FlateDecode >>\nstream\n'),
        Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
      ]),
    });
    const alert = options.getByRole('alert').filter({ hasText: 'attention.pdf' });
    await expect.poll(() => alert.count()).toBe(1);
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain('This is a PDF document, not a digest.');
    expect(said).toContain('Import takes a PaperPeek digest (.json)');
    expect(said).not.toContain('Daily Papers page text');
    expect(await paperCount()).toBe(before);
  });

  it('fills in the authors the bundled digest lacks, in the background, 20 ids a request', async () => {
    // The refresh above started it; hovering asks for nothing of a digest paper.
    const bundledIds = new Set(bundled.papers.map((paper) => paper.id));
    const askedFor = () =>
      services.requests
        .filter((path) => path.startsWith('/api/query'))
        .map((path) => new URL(path, 'http://x').searchParams.get('id_list')?.split(',') ?? []);
    await expect
      .poll(
        () =>
          askedFor()
            .flat()
            .filter((id) => bundledIds.has(id)).length,
        { timeout: 30_000 },
      )
      .toBe(bundledIds.size);
    for (const ids of askedFor()) expect(ids.length).toBeLessThanOrEqual(20);
    await expect
      .poll(async () => (await hoverCard('https://arxiv.org/abs/2005.14165'))?.text ?? '', {
        timeout: 10_000,
      })
      .toContain('Tom B. Brown');
    // Asked once each: the hover sent nothing more.
    expect(
      askedFor()
        .flat()
        .filter((id) => id === '2005.14165'),
    ).toHaveLength(1);
  });

  it('shows a card for a paper looked up on the arXiv stand-in, marked as such, asking once', async () => {
    services.arxivEntries.set(
      '1706.03762',
      fixture('arxiv/query.xml')
        .split('<entry>')[1]
        ?.split('</entry>')[0]
        ?.replace(/^/, '<entry>')
        .concat('</entry>') ?? '',
    );
    // Requests that asked for this paper (the background fill-in asks for digest papers).
    const asked = () =>
      services.requests.filter(
        (path) => path.startsWith('/api/query') && path.includes('1706.03762'),
      ).length;
    expect(await hoverCard('https://arxiv.org/abs/1706.03762v2')).toMatchObject({
      title: 'Attention Is All You Need',
      from: true,
    });
    expect(asked()).toBe(1);
    expect(await hoverCard('https://arxiv.org/pdf/1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
    });
    expect(asked()).toBe(1); // cached
  });

  it('looks up venue links no digest paper lists on the OpenReview and OpenAlex stand-ins', async () => {
    services.openReviewNotes.set('YicbFdNTTy', {
      id: 'YicbFdNTTy',
      forum: 'YicbFdNTTy',
      pdate: 1610236800000,
      content: {
        title: { value: 'An Image is Worth 16x16 Words' },
        abstract: { value: 'Transformers applied directly to sequences of image patches.' },
        authors: { value: ['Alexey Dosovitskiy'] },
        venue: { value: 'ICLR 2021 Oral' },
      },
    });
    // A DOI whose OpenAlex work has an arXiv version the bundled digest holds: the same paper.
    const gpt3 = bundled.papers.find((paper) => paper.id === '2005.14165');
    services.openAlexWorks.set('10.5555/3495724.3495883', {
      display_name: gpt3?.title,
      abstract_inverted_index: { Few: [0], shot: [1] },
      locations: [{ landing_page_url: 'https://arxiv.org/abs/2005.14165' }],
    });
    // An Anthology paper OpenAlex knows without an abstract.
    services.openAlexWorks.set('10.18653/v1/2023.acl-long.754', {
      display_name: 'Self-Instruct: Aligning Language Models with Self-Generated Instructions',
      abstract_inverted_index: null,
    });
    const asked = (part: string) => services.requests.filter((path) => path.includes(part)).length;

    const vit = await hoverCard('https://openreview.net/pdf?id=YicbFdNTTy');
    expect(vit?.title).toBe('An Image is Worth 16x16 Words');
    expect(vit?.text).toContain('Published in ICLR 2021 Oral');
    expect(vit?.text).toContain('From OpenReview (not in your digest)');
    expect(await hoverCard('https://openreview.net/forum?id=YicbFdNTTy')).toMatchObject({
      title: 'An Image is Worth 16x16 Words',
    });
    expect(asked('/openreview/notes?id=YicbFdNTTy')).toBe(1); // cached

    const same = await hoverCard('https://doi.org/10.5555/3495724.3495883');
    expect(same?.title).toBe(gpt3?.title);
    expect(same?.text).toContain('From your digest');

    const selfInstruct = await hoverCard('https://aclanthology.org/2023.acl-long.754/');
    expect(selfInstruct?.title).toBe(
      'Self-Instruct: Aligning Language Models with Self-Generated Instructions',
    );
    expect(selfInstruct?.text).toContain(
      'OpenAlex (the open catalogue of research papers) knows this paper but has no abstract for it.',
    );
    // It links the page it came from (the Anthology was missing from the allow-list).
    expect(selfInstruct?.text).toMatch(/for it\. ACL Anthology$/);
    expect(asked('/openalex/works/doi:10.18653%2Fv1%2F2023.acl-long.754')).toBe(1);

    // Unknown to OpenReview: a card that says so, and a PMLR page no paper lists asks nobody.
    const before = services.requests.length;
    expect((await hoverCard('https://openreview.net/forum?id=nZeVKeeFYf9'))?.text).toContain(
      'OpenReview has no paper for this link.',
    );
    expect(await hoverCard('https://proceedings.mlr.press/v202/kandpal23a.html', 1_500)).toBeNull();
    expect(services.requests.length).toBe(before + 1);
  });

  it('says when arXiv could not answer, and Retry shows the paper once it does', async () => {
    services.arxivEntries.set(
      '1810.04805',
      fixture('arxiv/query.xml')
        .split('<entry>')[1]
        ?.split('</entry>')[0]
        ?.replace(/^/, '<entry>')
        .replace(/1706\.03762/g, '1810.04805')
        .concat('</entry>') ?? '',
    );
    // arXiv asks to wait twice: the first Retry gets no further, and says so.
    services.arxivStatuses.push(429, 429);
    server.page(
      '/retry.html',
      '<!doctype html><p style="margin:40px"><a id="link" href="https://arxiv.org/abs/1810.04805">BERT</a></p>',
    );
    const page = await session.context.newPage();
    await page.goto(server.url('/retry.html'));
    const cards = await CardInspector.attach(page);
    await page.hover('#link');
    await expect
      .poll(async () => (await cards.card())?.title, { timeout: 8_000 })
      .toBe('arXiv:1810.04805');
    expect((await cards.card())?.text).toContain('arXiv asked PaperPeek to slow down');
    await cards.click('Retry');
    // It shows that it is trying, then that arXiv still asks to wait, and a second later too.
    await expect.poll(async () => (await cards.card())?.buttons).toContain('Retrying…');
    expect((await cards.card())?.text).toContain('Trying again…');
    await expect
      .poll(async () => (await cards.card())?.text, { timeout: 8_000 })
      .toContain('arXiv still asks PaperPeek to wait');
    await page.waitForTimeout(1_000);
    expect((await cards.card())?.buttons).toContain('Retry');
    expect((await cards.card())?.text).toContain('arXiv still asks PaperPeek to wait');
    await cards.click('Retry');
    await expect
      .poll(async () => (await cards.card())?.title, { timeout: 8_000 })
      .toBe('Attention Is All You Need');
    await page.close();
  });

  it('asks arXiv nothing when look-ups are switched off on the options page', async () => {
    await options.getByLabel('Look up papers that are not in my digest').uncheck();
    const asked = services.requests.length;
    const card = await hoverCard('https://arxiv.org/abs/2303.08774', 2_000);
    expect(card?.title).toBe('arXiv:2303.08774');
    expect(card?.text).toContain('arXiv look-ups are off');
    expect(services.requests.length).toBe(asked);
    // The card that says where to turn them on opens those settings (in a new tab, as none is
    // open: the browser brings an open options page forward instead).
    await options.close();
    const page = await session.context.newPage();
    await page.goto(server.url('/one-link.html'));
    const cards = await CardInspector.attach(page);
    await page.hover('#link');
    await expect
      .poll(async () => (await cards.card())?.buttons)
      .toContain('Open PaperPeek settings');
    const opened = session.context.waitForEvent('page', {
      predicate: (candidate) => candidate.url().endsWith('/options.html'),
    });
    await cards.click('Open PaperPeek settings');
    options = await opened;
    await page.close();
    await options.getByLabel('Look up papers that are not in my digest').check();
  });

  it('applies a setting changed on the options page in a tab that is already open', async () => {
    server.page(
      '/known.html',
      '<!doctype html><p style="margin:40px"><a id="link" href="https://arxiv.org/abs/2005.14165">GPT-3</a></p>',
    );
    const page = await session.context.newPage();
    await page.goto(server.url('/known.html'));
    const cards = await CardInspector.attach(page);
    await page.hover('#link');
    await expect
      .poll(async () => (await cards.card())?.title)
      .toBe('Language Models are Few-Shot Learners');
    await page.mouse.move(600, 300);
    await expect.poll(() => cards.card(), { timeout: 3_000 }).toBeNull();

    await options.getByLabel('Show previews when I hover a paper link').uncheck();
    await page.hover('#link');
    await page.waitForTimeout(400);
    expect(await cards.card()).toBeNull();
    await options.getByLabel('Show previews when I hover a paper link').check();
    await page.mouse.move(600, 300);
    await page.hover('#link');
    await expect
      .poll(async () => (await cards.card())?.title)
      .toBe('Language Models are Few-Shot Learners');
    await page.close();
  });

  it('disables PaperPeek on a site added on the options page, and enables it again', async () => {
    server.page(
      '/site.html',
      '<!doctype html><p style="margin:40px"><a id="l" href="https://arxiv.org/abs/2005.14165">GPT-3</a></p>',
    );
    const tab = await session.context.newPage();
    await tab.goto(server.url('/site.html'));
    const cards = await CardInspector.attach(tab);
    await options.getByLabel('Site to disable').fill('not a site');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => options.getByText('"not a site" is not a site name').count()).toBe(1);
    await options.getByLabel('Site to disable').fill('http://127.0.0.1:1234/any/page');
    await options.getByRole('button', { name: 'Add site' }).click();
    const sites = options.getByRole('list', { name: 'Disabled sites' });
    await expect.poll(() => sites.textContent()).toContain('127.0.0.1');
    await tab.hover('#l');
    await tab.waitForTimeout(400);
    expect(await cards.card()).toBeNull();
    await options.getByRole('button', { name: 'Enable on 127.0.0.1' }).click();
    await tab.mouse.move(600, 300);
    await tab.hover('#l');
    await expect
      .poll(async () => (await cards.card())?.title)
      .toBe('Language Models are Few-Shot Learners');
    await tab.close();
  });

  it('clears the digest but not the reading list, after asking', async () => {
    await request(options, { type: 'save', data: { paperId: '2005.14165' } });
    await options.getByRole('button', { name: 'Clear digest…' }).click();
    await options.getByRole('button', { name: 'Yes, clear the digest' }).click();
    await expect.poll(() => paperCount()).toBe(0);
    const entries = await options.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('paperpeek');
          open.onsuccess = () => {
            const count = open.result.transaction('readingList').objectStore('readingList').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(entries).toBe(1);
  });

  it('clears the reading list only after an explicit confirmation', async () => {
    await options.reload();
    await options.getByRole('button', { name: 'Clear reading list…' }).click();
    const confirm = options.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toMatch(/Remove 1 entry from your reading list/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await options.getByRole('button', { name: 'Clear reading list…' }).click();
    await options.getByRole('button', { name: 'Yes, remove 1 entry' }).click();
    await expect.poll(() => options.getByText('Removed 1 entry.').count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Clear reading list…' }).isDisabled()).toBe(
      true,
    );
  });
});
