import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import type { Paper } from '@/lib/digest/schema';
import { parseQuery } from '@/lib/search/query';
import { buildSearchRecord, newestRecord } from '@/lib/search/record';
import { createSearcher } from '@/lib/search/searcher';
import { generatePapers } from '../../helpers/generate-papers';

const papers = bundled.papers as Paper[];
const searcher = createSearcher(buildSearchRecord(papers), new Set(['2005.14165']));
const first = (query: string) => searcher.search(query)[0]?.id;

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

  it('highlights the matched characters of the title', () => {
    const [titled] = searcher.search('Self-regulating');
    const title = papers.find((paper) => paper.id === titled?.id)?.title ?? '';
    const [start, end] = titled?.titleRanges[0] ?? [0, 0];
    expect(title.slice(start, end).toLowerCase()).toContain('self');
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

  it('answers a two-letter query with the newest papers that match, without scanning them all', () => {
    const record = buildSearchRecord(large);
    const newestFirst = record.newest.map((index) => record.ids[index]);
    const hits = createSearcher(record, new Set()).search('le', 300);
    expect(hits.length).toBe(300);
    const positions = hits.map((hit) => newestFirst.indexOf(hit.id));
    // Every hit comes from the newest few thousand papers, not from anywhere in the digest.
    expect(Math.max(...positions)).toBeLessThan(10_000);
  });
});
