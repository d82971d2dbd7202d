import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import type { Paper } from '@/lib/digest/schema';
import { inputWords, parseQuery } from '@/lib/search/query';
import { VENUE_URLS } from '../links/venue-url-tables';
import { buildSearchRecord, newestRecord } from '@/lib/search/record';
import { createSearcher } from '@/lib/search/searcher';
import { abstractSnippet } from '@/lib/search/title-match';
import { wordTokens } from '@/lib/search/words';
import { searchWithAbstracts } from '../../helpers/full-search';
import { generatePapers } from '../../helpers/generate-papers';
import { LABELLED_QUERIES, SAME_SEARCH } from '../../helpers/labelled-queries';

const papers = bundled.papers as Paper[];
const record = buildSearchRecord(papers, 's');
const searcher = createSearcher(record, new Set(['2005.14165']));
const first = (query: string) => searcher.search(query)[0]?.id;

const fullSearch = (list: Paper[]) => searchWithAbstracts(list, 's');
const bundledSearch = fullSearch(papers);

/** A paper with only what a rule test needs. */
function paper(
  id: string,
  title: string,
  abstract = 'Nothing to see.',
  publishedAt?: string,
): Paper {
  return {
    id,
    arxivId: id,
    title,
    abstract,
    authors: [],
    repos: [],
    links: [],
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/** Queries a user types, and the paper that must come first. */
const QUALITY: [string, string][] = [
  ['Language Models are Few-Shot Learners', '2005.14165'],
  ['language models are few shot learners', '2005.14165'],
  ['Langauge Models are Few-Shot Learners', '2005.14165'],
  ['Languag Modls are Few-Shot Learners', '2005.14165'],
  ['few-shot learners', '2005.14165'],
  ['PromptSRC', '2307.06948'],
  ['self-regulating prompts', '2307.06948'],
  ['Self-regulatnig Prompts', '2307.06948'],
  ['TaskExpert', '2307.15324'],
  ['AutoInt', '1810.11921'],
  ['AutoDistil', '2201.12507'],
  ['ZIP-FIT', '2410.18194'],
  ['zip fit embedding free', '2410.18194'],
  ['TaskMatrix', '2303.16434'],
  ['Promptagator', '2209.11755'],
  ['Twin-Merging', '2406.15479'],
  ['twin merging modular expertise', '2406.15479'],
  ['Uni-Perceiver v2', '2211.09808'],
  ['GeneGPT', '2304.09667'],
  ['Mental-LLM', '2307.14385'],
  ['OPT-IML', '2212.12017'],
  ['Beyond the Imitation Game', '2206.04615'],
  ['Symbolic Discovery of Optimization Algorithms', '2302.06675'],
  ['Symbolc Discovery of Optimisation Algorithms', '2302.06675'],
  ['Easy2Hard-Bench', '2409.18433'],
  ['In-BoXBART', '2204.07600'],
  ['Chameleon dense visual prediction', '2404.18459'],
  ['graph prompt learning survey', '2311.16534'],
  ['Big Self-Supervised Models are Strong Semi-Supervised Learners', '2006.10029'],
  ['Intrinsic Dimensionality Explains', '2012.13255'],
  ['Inttrinsic Dimensionality', '2012.13255'],
  ['2005.14165', '2005.14165'],
  ['2005.14165v3', '2005.14165'],
  ['arXiv:2307.06948', '2307.06948'],
  ['https://arxiv.org/abs/2410.18194', '2410.18194'],
  ['https://arxiv.org/pdf/2410.18194v2.pdf', '2410.18194'],
  ['arxiv.org/abs/1810.11921', '1810.11921'],
  ['https://huggingface.co/papers/2406.15479', '2406.15479'],
  ['https://github.com/muzairkhattak/PromptSRC', '2307.06948'],
  ['muzairkhattak/PromptSRC', '2307.06948'],
  ['HazyResearch/TART', '2306.07536'],
  ['hazyresearch tart', '2306.07536'],
];

describe('search quality on the bundled digest', () => {
  it('has at least 40 labelled queries', () => expect(QUALITY.length).toBeGreaterThanOrEqual(40));

  it.each(QUALITY)('%s → %s first', (query, id) => expect(first(query)).toBe(id));

  it.each(papers.map((paper) => [paper.title, paper.id]))(
    'exact title %s → %s first',
    (title, id) => {
      expect(first(title)).toBe(id);
    },
  );

  it.each(LABELLED_QUERIES.map((labelled) => [labelled.kind, labelled.query, labelled.paperId]))(
    '%s: %s → %s first',
    async (_kind, query, id) => {
      expect((await bundledSearch.search(query))[0]?.id).toBe(id);
    },
  );

  it.each(SAME_SEARCH)('%s, %s and %s find the same papers', async (...spellings) => {
    const found = await Promise.all(
      spellings.map(async (spelling) =>
        (await bundledSearch.search(spelling, 100)).map((hit) => hit.id).sort(),
      ),
    );
    expect(found[0]?.length).toBeGreaterThan(0);
    for (const other of found.slice(1)) expect(other).toEqual(found[0]);
  });

  it('keeps the newest papers in a small record of their own, in the same order', () => {
    const newest = newestRecord(buildSearchRecord(papers), 3);
    expect(newest.ids).toEqual(['2412.20070', '2412.15495', '2412.10594']);
    expect(
      createSearcher(newest, new Set())
        .search('', 3)
        .map((hit) => hit.id),
    ).toEqual(newest.ids);
  });

  it('lists the newest papers for an empty query', () => {
    const ids = searcher.search('', 3).map((hit) => hit.id);
    expect(ids).toEqual(['2412.20070', '2412.15495', '2412.10594']);
  });
});

describe('the ranking rules', () => {
  const order = async (list: Paper[], query: string) =>
    (await fullSearch(list).search(query)).map((hit) => hit.id);

  it('puts every word in the title before some only in the abstract', async () => {
    const list = [
      paper(
        '2401.00001',
        'Sparse attention',
        'We study kernel methods.',
        '2024-01-02T00:00:00.000Z',
      ),
      paper('2301.00001', 'Sparse kernel attention', 'Nothing.', '2023-01-02T00:00:00.000Z'),
    ];
    expect(await order(list, 'sparse kernel')).toEqual(['2301.00001', '2401.00001']);
  });

  it('puts the whole phrase before the same words scattered', async () => {
    const list = [
      paper('2401.00001', 'Learning to prompt with graph models', '', '2024-01-02T00:00:00.000Z'),
      paper('2301.00001', 'Graph prompt learning at scale', '', '2023-01-02T00:00:00.000Z'),
    ];
    expect(await order(list, 'prompt learning')).toEqual(['2301.00001', '2401.00001']);
  });

  it('puts words as typed before typo matches', async () => {
    const list = [
      paper('2401.00001', 'Diffusion models for audio', '', '2024-01-02T00:00:00.000Z'),
      paper('2301.00001', 'Difusion models for audio', '', '2023-01-02T00:00:00.000Z'),
    ];
    expect(await order(list, 'difusion models')).toEqual(['2301.00001', '2401.00001']);
    expect(await order(list, 'diffusion models')).toEqual(['2401.00001', '2301.00001']);
  });

  it('puts a title that starts with the query before one with it in the middle', async () => {
    const list = [
      paper('2401.00001', 'Scaling laws for contrastive learning', '', '2024-01-02T00:00:00.000Z'),
      paper('2301.00001', 'Contrastive learning at scale', '', '2023-01-02T00:00:00.000Z'),
    ];
    expect(await order(list, 'contrastive learning')).toEqual(['2301.00001', '2401.00001']);
  });

  it('puts the newer paper first only among equals', async () => {
    const list = [
      paper(
        '2201.00001',
        'Robust retrieval for question answering',
        '',
        '2022-01-02T00:00:00.000Z',
      ),
      paper('2401.00001', 'Robust retrieval for code search', '', '2024-01-02T00:00:00.000Z'),
      paper('2301.00001', 'Robust retrieval for dialogue', '', '2023-01-02T00:00:00.000Z'),
    ];
    expect(await order(list, 'robust retrieval')).toEqual([
      '2401.00001',
      '2301.00001',
      '2201.00001',
    ]);
  });
});

describe('matching', () => {
  it('matches every word in any order across title, authors and repos', () => {
    const list = [
      { ...paper('2301.00001', 'Neural radiance fields'), authors: ['Ada Lovelace'] },
      { ...paper('2301.00002', 'Radiance of neurons'), authors: ['Alan Turing'] },
    ];
    const own = createSearcher(buildSearchRecord(list), new Set());
    expect(own.search('lovelace fields neural').map((hit) => hit.id)).toEqual(['2301.00001']);
  });

  it('tolerates one typo from five letters and two from nine, never in numbers', () => {
    const own = createSearcher(
      buildSearchRecord([
        paper('2301.00001', 'Graph tasks'),
        paper('2301.00002', 'Transformers everywhere'),
        paper('2301.00003', 'Benchmark 2023'),
      ]),
      new Set(),
    );
    const ids = (query: string) => own.search(query).map((hit) => hit.id);
    expect(ids('gpahr ')).toEqual([]); // two edits in five letters
    expect(ids('tsak ')).toEqual([]); // four letters: no typo allowed
    expect(ids('tsaks ')).toEqual(['2301.00001']);
    expect(ids('transfromrs ')).toEqual(['2301.00002']); // two edits, eleven letters
    expect(ids('trnsfrmrs ')).toEqual([]); // three edits
    expect(ids('benchmark 2024 ')).toEqual([]);
  });

  it('finds a word of the abstract with a typo in it', async () => {
    const found = await bundledSearch.search('lifelnog');
    expect(found.map((hit) => hit.id)).toContain('2210.03869');
  });
});

describe('highlights', () => {
  /** Each highlight is a whole word of the title, or the start of one for the word being typed. */
  function expectWholeWords(title: string, ranges: [number, number][], typed: string) {
    const tokens = wordTokens(title);
    for (const [start, end] of ranges) {
      const inside = tokens.filter((token) => token.start >= start && token.end <= end);
      const cut = tokens.find((token) => token.start < end && token.end > end);
      expect(tokens.some((token) => token.start === start)).toBe(true);
      if (cut) expect(cut.word.startsWith(typed.toLowerCase())).toBe(true);
      else expect(inside.length).toBeGreaterThan(0);
    }
  }

  it.each([
    ['prompt learning', '2402.04129'],
    ['prompt learning', '2311.16534'],
    ['self-regulating', '2307.06948'],
    ['multi task', '2307.15324'],
    ['selfsupervised', '2006.10029'],
  ])('mark whole words for %s in %s, never letters inside a word', (query, id) => {
    const hit = searcher.search(`${query} `, 100).find((each) => each.id === id);
    const title = record.titles.at(hit?.index ?? -1) ?? '';
    if (hit) expectWholeWords(title, hit.titleRanges, '');
    // "Class-Incremental Learning" for "prompt learning" marks "Learning", not "remental Learning".
    for (const [start, end] of hit?.titleRanges ?? []) {
      expect(/[\p{L}\p{N}]/u.test(title[start - 1] ?? ' ')).toBe(false);
      expect(/[\p{L}\p{N}]/u.test(title[end] ?? ' ') && hit !== undefined).toBe(false);
    }
  });

  it('marks the typed start of the word being typed', () => {
    const [hit] = searcher.search('symbolic discov');
    const title = record.titles.at(hit?.index ?? -1) ?? '';
    expect(hit?.titleRanges.map(([start, end]) => title.slice(start, end))).toEqual([
      'Symbolic',
      'Discov',
    ]);
  });

  it('marks a whole word matched with a typo', () => {
    const [hit] = searcher.search('symbolc ');
    const title = record.titles.at(hit?.index ?? -1) ?? '';
    expect(hit?.titleRanges.map(([start, end]) => title.slice(start, end))).toEqual(['Symbolic']);
  });

  it('shows the sentence of the abstract that matched, with the words marked', async () => {
    const abstract =
      'We study prompts. Lion keeps only the momentum and is more memory-efficient than Adam. It works.';
    const found = await bundledSearch.lookup(inputWords('momentun adam'));
    const words = bundledSearch.engine.matchableWords('momentun adam', found ?? undefined);
    const snippet = abstractSnippet(abstract, words);
    expect(snippet?.text).toBe(
      'Lion keeps only the momentum and is more memory-efficient than Adam.',
    );
    expect(snippet?.ranges.map(([start, end]) => snippet.text.slice(start, end))).toEqual([
      'momentum',
      'Adam',
    ]);
  });

  it('cuts a long sentence around its first match', () => {
    const long = `${'filler words '.repeat(30)}the kernel trick ${'and more '.repeat(30)}.`;
    const words = bundledSearch.engine.matchableWords('kernel ');
    const snippet = abstractSnippet(long, words);
    expect(snippet?.text.length).toBeLessThanOrEqual(222);
    expect(snippet?.text.startsWith('…')).toBe(true);
    expect(snippet?.ranges.map(([start, end]) => snippet.text.slice(start, end))).toEqual([
      'kernel',
    ]);
  });
});

describe('filters', () => {
  it.each([
    ['y:2023 prompt', (p: Paper) => p.id.startsWith('23')],
    ['y:2021-2022 task', (p: Paper) => /^2[12]/.test(p.id)],
    ['has:code', (p: Paper) => p.repos.length > 0],
    ['has:code generalist', (p: Paper) => p.repos.length > 0],
    ['is:saved', (p: Paper) => p.id === '2005.14165'],
  ])('%s keeps only matching papers', (query, keep) => {
    const hits = searcher.search(query, 100);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits)
      expect(keep(papers.find((paper) => paper.id === hit.id) as Paper)).toBe(true);
  });

  it('parses filters, quoted values, and leaves unknown ones as text', () => {
    expect(parseQuery('a:"van der" y:2019-2021 has:code is:saved nets')).toEqual({
      text: 'nets',
      author: 'van der',
      yearFrom: 2019,
      yearTo: 2021,
      hasCode: true,
      isSaved: true,
    });
    expect(parseQuery('x:1 y:soon')).toMatchObject({ text: 'x:1 y:soon' });
  });
});

describe('a venue link or DOI pasted into search', () => {
  // Every venue link form a card takes (tests/unit/links/venue-url-tables.ts, each row with where
  // it was seen) names the same paper when pasted.
  const rows = Object.entries(VENUE_URLS).flatMap(([site, forms]) =>
    forms.map((row) => ({ site, ...row })),
  );
  it.each(rows)('$site: $href → $key', ({ href, key }) => {
    expect(parseQuery(href).exact).toEqual({ venue: key });
    // Pasted without its scheme, as copied from an address bar that hides it.
    if (!href.includes('doi.org')) {
      expect(parseQuery(href.replace(/^https?:\/\//, '')).exact).toEqual({ venue: key });
    }
  });

  it.each([
    ['10.18653/v1/N19-1423', 'acl:N19-1423'], // BERT's DOI, as its references give it
    ['doi:10.18653/v1/N19-1423', 'acl:N19-1423'],
    ['10.1109/CVPR.2016.90', 'doi:10.1109/cvpr.2016.90'], // ResNet's DOI
  ])('a bare DOI %s → %s', (doi, key) => {
    expect(parseQuery(doi).exact).toEqual({ venue: key });
  });

  it('is no filter, so y: and is: still apply to the paper it names', () => {
    expect(parseQuery('y:2019 https://aclanthology.org/N19-1423/')).toMatchObject({
      yearFrom: 2019,
      exact: { venue: 'acl:N19-1423' },
    });
  });

  it('gives the paper the worker found first, its title marked, unless a filter leaves it out', () => {
    const target = papers[3] as Paper;
    const year = Number(`20${target.id.slice(0, 2)}`);
    const link = 'https://openreview.net/forum?id=YicbFdNTTy';
    expect(searcher.hitOfPaper(link, target.id)).toEqual([
      { index: expect.any(Number), id: target.id, titleRanges: [[0, target.title.length]] },
    ]);
    expect(searcher.hitOfPaper(`y:${year + 1} ${link}`, target.id)).toEqual([]);
    expect(searcher.hitOfPaper(link, 'not-in-the-digest')).toEqual([]);
  });
});

describe('search over a synthetic 100,000-paper digest', () => {
  const large = generatePapers(100_000, 7);
  const big = createSearcher(buildSearchRecord(large), new Set());

  it('finds a paper by title words and an author surname, and by its exact title', () => {
    for (const target of [large[123], large[54_321], large[99_998]]) {
      if (!target) throw new Error('generator gave too few papers');
      const surname = (target.authors[0] ?? '').split(' ').at(-1) ?? '';
      // Generated titles share a small vocabulary, so a few title words make the query specific.
      const words = target.title.split(' ').slice(0, 3).join(' ');
      expect(big.search(`${words} ${surname}`, 5).map((hit) => hit.id)).toContain(target.id);
      expect(big.search(target.title)[0]?.id).toBe(target.id);
      const filtered = big.search(`a:${surname.toLowerCase()} ${words}`, 5).map((hit) => hit.id);
      expect(filtered).toContain(target.id);
    }
  });

  it('finds the paper when the word being typed has a swapped letter, keystroke by keystroke', () => {
    // A fresh searcher, typed as a user types: the typo is looked for among the matches of the
    // words before it, so every keystroke keeps results and the last one ranks the paper first.
    const typing = createSearcher(buildSearchRecord(large), new Set());
    for (const target of [large[222], large[44_444]]) {
      if (!target) throw new Error('generator gave too few papers');
      const words = target.title.split(' ').slice(0, 4);
      const last = words.pop() ?? '';
      const query = `${words.join(' ')} ${last[1]}${last[0]}${last.slice(2)}`;
      let hits = typing.search('');
      for (let length = 1; length <= query.length; length += 1) {
        hits = typing.search(query.slice(0, length), 10);
        if (length > words.join(' ').length) expect(hits.length).toBeGreaterThan(0);
      }
      expect(hits[0]?.id).toBe(target.id);
    }
  });

  it('answers a two-letter query with the newest papers that match', () => {
    const record = buildSearchRecord(large);
    const newestFirst = Array.from(record.newest, (index) => record.ids.at(index));
    const hits = createSearcher(record, new Set()).search('le', 300);
    expect(hits.length).toBe(300);
    const positions = hits.map((hit) => newestFirst.indexOf(hit.id));
    // Every hit comes from the newest papers that match, not from anywhere in the digest.
    expect(Math.max(...positions)).toBeLessThan(10_000);
  });
});
