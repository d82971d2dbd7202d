import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import {
  abstractQuery,
  abstractWords,
  buildAbstractIndex,
  createAbstractMatcher,
  INDEX_PUT_BYTES,
  rowsInPuts,
  type AbstractIndexRow,
} from '@/lib/search/abstract-index';
import type { Paper } from '@/lib/digest/schema';
import { abstractQueryOf } from '@/lib/search/query';
import { buildSearchRecord } from '@/lib/search/record';
import { createSearcher } from '@/lib/search/searcher';

const papers = bundled.papers as Paper[];

/** The same question answered by reading every abstract: what the index must agree with. */
function scan(abstracts: string[], words: string[], lastIsPrefix: boolean): number[] {
  return abstracts.flatMap((abstract, index) => {
    const own = abstractWords(abstract);
    const ok = words.every((word, i) =>
      lastIsPrefix && i === words.length - 1
        ? own.some((candidate) => candidate.startsWith(word))
        : own.includes(word),
    );
    return ok ? [index] : [];
  });
}

function matcherFor(abstracts: string[], stamp = 's1') {
  const rows = new Map(buildAbstractIndex(abstracts, stamp).map((row) => [row.bucket, row]));
  let reads = 0;
  const match = createAbstractMatcher(
    (bucket) => {
      reads += 1;
      return Promise.resolve(rows.get(bucket));
    },
    abstracts.length,
    's1',
  );
  return { match, reads: () => reads };
}

describe('abstract words', () => {
  it('are lower-cased, folded, distinct, at least three characters and no stopwords', () => {
    expect(abstractWords('The Naïve BERT and the naive bert: 3D U-Net, GPT-4 with LoRA.')).toEqual([
      'naive',
      'bert',
      'net',
      'gpt',
      'lora',
    ]);
    expect(abstractWords('')).toEqual([]);
    expect(abstractWords('a'.repeat(40))).toEqual([]);
  });

  it('of a query keep the last as a prefix only while it is being typed', () => {
    expect(abstractQuery('contrastive pretr')).toEqual({
      words: ['contrastive', 'pretr'],
      lastIsPrefix: true,
    });
    expect(abstractQuery('contrastive pretraining ')).toEqual({
      words: ['contrastive', 'pretraining'],
      lastIsPrefix: false,
    });
    // "the" may be the start of "theory" while typed; once finished it is a stopword.
    expect(abstractQuery('graph the')).toEqual({ words: ['graph', 'the'], lastIsPrefix: true });
    expect(abstractQuery('graph the ')).toEqual({ words: ['graph'], lastIsPrefix: false });
    expect(abstractQuery('of a')).toBeNull();
  });
});

describe('the abstract index', () => {
  const abstracts = papers.map((paper) => paper.abstract);
  const { match } = matcherFor(abstracts);

  it.each([
    [['cross', 'entropy'], false],
    [['lifelong'], false],
    [['distribution'], true],
    [['prompt', 'overfit'], false],
    [['multi', 'task', 'fea'], true],
    [['transformer', 'lan'], true],
    [['nonexistentword'], false],
    [['qqq'], true],
  ])('finds exactly the papers a scan of every abstract finds: %j', async (words, prefix) => {
    expect(await match({ words, lastIsPrefix: prefix })).toEqual(scan(abstracts, words, prefix));
  });

  it('finds a paper by words only its abstract has', async () => {
    const found = await match({ words: ['idealistic', 'settings'], lastIsPrefix: false });
    expect(found.map((index) => papers[index]?.id)).toEqual(['2210.03869']);
  });

  it('reads each bucket once for a query typed character by character', async () => {
    const counted = matcherFor(abstracts);
    for (const typed of ['mul', 'mult', 'multi', 'multi tas', 'multi task']) {
      const query = abstractQuery(typed);
      if (query) await counted.match(query);
    }
    expect(counted.reads()).toBe(2); // "mul" and "tas"
  });

  it('ignores rows written for another search record', async () => {
    const rows = buildAbstractIndex(abstracts, 'old');
    const stale = createAbstractMatcher(
      (bucket) => Promise.resolve(rows.find((row) => row.bucket === bucket)),
      abstracts.length,
      'new',
    );
    expect(await stale({ words: ['lifelong'], lastIsPrefix: false })).toEqual([]);
  });

  it('survives a structured clone (the way IndexedDB stores it)', () => {
    const rows = buildAbstractIndex(abstracts, 's');
    const cloned = structuredClone(rows) as AbstractIndexRow[];
    expect(cloned[0]?.papers).toBeInstanceOf(Uint32Array);
    expect(cloned).toEqual(rows);
  });
});

describe('writing the index', () => {
  const row = (bucket: string, postings: number): AbstractIndexRow => ({
    bucket,
    stamp: 's',
    words: [bucket],
    starts: new Uint32Array([0, postings]),
    papers: new Uint32Array(postings),
  });

  it('puts about a megabyte at a time, every row once and in order, a big row alone', () => {
    const rows = [
      row('aaa', 100_000), // 400 KB
      row('bbb', 100_000),
      row('ccc', 100_000),
      row('ddd', 400_000), // 1.6 MB: alone
      row('eee', 10),
    ];
    const puts = rowsInPuts(rows, INDEX_PUT_BYTES);
    expect(puts.map((put) => put.map((each) => each.bucket))).toEqual([
      ['aaa', 'bbb'],
      ['ccc'],
      ['ddd'],
      ['eee'],
    ]);
    expect(rowsInPuts([], INDEX_PUT_BYTES)).toEqual([]);
  });
});

describe('search with abstract matches', () => {
  const record = buildSearchRecord(papers, 's1');
  const searcher = createSearcher(record, new Set());
  const { match } = matcherFor(papers.map((paper) => paper.abstract));

  async function searchAll(input: string) {
    const hits = searcher.search(input, 30);
    const query = abstractQueryOf(input);
    return query ? searcher.withAbstractMatches(input, hits, await match(query), 30) : hits;
  }

  it('puts title matches first, then papers found in abstracts, marked', async () => {
    const hits = await searchAll('prompt');
    const firstAbstract = hits.findIndex((hit) => hit.inAbstract);
    expect(firstAbstract).toBeGreaterThan(0);
    for (const hit of hits.slice(0, firstAbstract)) {
      expect(`${record.titles[hit.index]} ${record.authors[hit.index]}`.toLowerCase()).toContain(
        'prompt',
      );
    }
    for (const hit of hits.slice(firstAbstract)) {
      expect(hit.inAbstract).toBe(true);
      expect(papers[hit.index]?.abstract.toLowerCase()).toContain('prompt');
    }
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length);
  });

  it('finds a paper whose title and authors do not have the words', async () => {
    const hits = await searchAll('idealistic settings');
    expect(hits.map((hit) => [hit.id, hit.inAbstract])).toContainEqual(['2210.03869', true]);
  });

  it('applies the filters to abstract matches too', async () => {
    const hits = await searchAll('prompt has:code y:2023');
    for (const hit of hits) {
      expect(record.repos[hit.index]).not.toBe('');
      expect(record.years[hit.index]).toBe(2023);
    }
  });

  it('looks for nothing in abstracts for an id, a URL or a single letter', () => {
    expect(abstractQueryOf('2005.14165')).toBeNull();
    expect(abstractQueryOf('https://arxiv.org/abs/2005.14165')).toBeNull();
    expect(abstractQueryOf('p')).toBeNull();
    expect(abstractQueryOf('a:brown few-shot')).toEqual({
      words: ['few', 'shot'],
      lastIsPrefix: true,
    });
  });
});
