import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import {
  abstractWords,
  isIndexedWord,
  VOCABULARY_BUCKET,
  type AbstractIndexRow,
  type AbstractIndexTableRow,
} from '@/lib/search/abstract-index';
import {
  AbstractIndexBuilder,
  buildAbstractIndex,
  INDEX_PUT_BYTES,
  rowsInPuts,
} from '@/lib/search/abstract-index-builder';
import { createAbstractLookup } from '@/lib/search/abstract-lookup';
import type { Paper } from '@/lib/digest/schema';
import { inputWords } from '@/lib/search/query';
import { buildSearchRecord } from '@/lib/search/record';
import { createSearcher } from '@/lib/search/searcher';
import { papersWithAbstractWords } from '../../helpers/abstract-search';
import { generatePapers } from '../../helpers/generate-papers';

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
  const readBucket = (bucket: string) => {
    reads += 1;
    return Promise.resolve(rows.get(bucket));
  };
  const match = (words: string[], lastIsPrefix: boolean) =>
    papersWithAbstractWords(
      readBucket,
      's1',
      abstracts.length,
      `${words.join(' ')}${lastIsPrefix ? '' : ' '}`,
    );
  return { match, readBucket, reads: () => reads };
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

  it('of a query are looked up unless short or stopwords; a stopword being typed is', () => {
    expect(inputWords('contrastive pretr')).toEqual([
      { word: 'contrastive', typing: false },
      { word: 'pretr', typing: true },
    ]);
    expect(inputWords('contrastive pretraining ').at(-1)).toEqual({
      word: 'pretraining',
      typing: false,
    });
    // "the" may be the start of "theory" while typed; once finished it is a stopword.
    expect(isIndexedWord({ word: 'the', typing: true })).toBe(true);
    expect(isIndexedWord({ word: 'the', typing: false })).toBe(false);
    expect(isIndexedWord({ word: 'of', typing: true })).toBe(false);
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
    expect(await match(words, prefix)).toEqual(scan(abstracts, words, prefix));
  });

  it('finds a paper by words only its abstract has', async () => {
    const found = await match(['idealistic', 'settings'], false);
    expect(found.map((index) => papers[index]?.id)).toEqual(['2210.03869']);
  });

  it('reads the vocabulary once and each bucket once for a query typed character by character', async () => {
    const rows = new Map(buildAbstractIndex(abstracts, 's1').map((row) => [row.bucket, row]));
    const reads: string[] = [];
    const lookup = createAbstractLookup((bucket) => {
      reads.push(bucket);
      return Promise.resolve(rows.get(bucket));
    }, 's1');
    for (const typed of ['mul', 'mult', 'multi', 'multi tas', 'multi task']) {
      await lookup(inputWords(typed));
    }
    expect(reads.filter((bucket) => bucket === VOCABULARY_BUCKET)).toHaveLength(1);
    expect(reads).toEqual([...new Set(reads)]);
    expect(reads).toEqual(expect.arrayContaining(['mul', 'tas']));
  });

  it('holds for each paper exactly the words abstractWords finds in its abstract', () => {
    // The builder cuts ASCII text itself (faster); it must agree with the one definition.
    const abstracts = [
      ...papers.map((paper) => paper.abstract),
      'GPT-4o and Llama3-70B beat 2023 baselines by 12.5%; see arXiv:2401.00001v2.',
      'UPPER lower MiXeD the THE with-dash under_score x86 a1b2c3 abc',
      'Naïve Gödel café résumé: 3D U-Net, ﬁne-tuning (a ligature), Ωmega',
      `${'z'.repeat(32)} ${'y'.repeat(33)} ab abc`,
      '',
      // Enough distinct words (coined names) for the builder's word table to grow many times.
      ...generatePapers(3_000, 7).map((paper) => paper.abstract),
    ];
    const rows = buildAbstractIndex(abstracts, 's').filter(
      (row): row is AbstractIndexRow => row.bucket !== VOCABULARY_BUCKET,
    );
    const wordsOf = abstracts.map(() => [] as string[]);
    for (const row of rows) {
      row.words.forEach((word, i) => {
        for (const paper of row.papers.subarray(row.starts[i], row.starts[i + 1])) {
          wordsOf[paper]?.push(word);
        }
      });
    }
    abstracts.forEach((abstract, index) => {
      expect(wordsOf[index]?.sort(), abstract.slice(0, 40)).toEqual(abstractWords(abstract).sort());
    });
  });

  it('makes the same rows in steps as at once', async () => {
    const abstracts = generatePapers(500, 3).map((paper) => paper.abstract);
    const atOnce = new AbstractIndexBuilder();
    const inSteps = new AbstractIndexBuilder();
    abstracts.forEach((abstract, index) => {
      atOnce.add(index * 2, abstract);
      inSteps.add(index * 2, abstract);
    });
    let pauses = 0;
    const stepped = await inSteps.rowsInChunks('s', async () => void (pauses += 1), 1_000);
    expect(stepped).toEqual(atOnce.rows('s'));
    expect(pauses).toBeGreaterThan(20);
  });

  it('lists every word in a vocabulary row, sorted', () => {
    const rows = buildAbstractIndex(['Zebra apple mango', 'apple kiwi'], 's');
    const vocabulary = rows.find((row) => row.bucket === VOCABULARY_BUCKET);
    expect(vocabulary).toEqual({
      bucket: VOCABULARY_BUCKET,
      stamp: 's',
      vocabulary: 'apple\nkiwi\nmango\nzebra',
    });
  });

  it('ignores rows written for another search record', async () => {
    const rows = buildAbstractIndex(abstracts, 'old');
    const stale = createAbstractLookup(
      (bucket) => Promise.resolve(rows.find((row) => row.bucket === bucket)),
      'new',
    );
    expect(await stale(inputWords('lifelong '))).toBeNull();
  });

  it('survives a structured clone (the way IndexedDB stores it)', () => {
    const rows = buildAbstractIndex(abstracts, 's');
    const cloned = structuredClone(rows) as AbstractIndexTableRow[];
    expect((cloned[0] as AbstractIndexRow).papers).toBeInstanceOf(Uint32Array);
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
  const { readBucket } = matcherFor(papers.map((paper) => paper.abstract));
  const lookup = createAbstractLookup(readBucket, 's1');

  async function searchAll(input: string) {
    const hits = searcher.search(input, 30);
    const words = inputWords(input);
    const found = words.length > 0 ? await lookup(words) : null;
    return found ? searcher.withAbstractMatches(input, hits, found, 30) : hits;
  }

  it('puts title matches first, then papers found in abstracts, marked', async () => {
    // Finished: "prompt " has no typo matches among these abstracts' words.
    const hits = await searchAll('prompt ');
    const firstAbstract = hits.findIndex((hit) => hit.inAbstract);
    expect(firstAbstract).toBeGreaterThan(0);
    for (const hit of hits.slice(0, firstAbstract)) {
      expect(
        `${record.titles.at(hit.index)} ${record.authors?.at(hit.index)}`.toLowerCase(),
      ).toContain('prompt');
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

  it('finds a paper by a title word and an abstract word together, before abstract-only ones', async () => {
    const hits = await searchAll('chameleon low-data regime');
    expect(hits[0]).toMatchObject({ id: '2404.18459', inAbstract: true });
    // Its title words are marked in the title ("data" of "low-data" in "Data-Efficient").
    const title = record.titles.at(hits[0]?.index ?? -1) ?? '';
    expect(hits[0]?.titleRanges.map(([start, end]) => title.slice(start, end))).toEqual([
      'Chameleon',
      'Data',
    ]);
  });

  it('applies the filters to abstract matches too', async () => {
    const hits = await searchAll('prompt has:code y:2023');
    for (const hit of hits) {
      expect(record.repos.at(hit.index)).not.toBe('');
      expect(record.years[hit.index]).toBe(2023);
    }
  });

  it('looks for nothing in abstracts for an id, a URL or a single letter', () => {
    expect(inputWords('2005.14165')).toEqual([]);
    expect(inputWords('https://arxiv.org/abs/2005.14165')).toEqual([]);
    expect(inputWords('p')).toEqual([]);
    expect(inputWords('a:brown few-shot')).toEqual([
      { word: 'few', typing: false },
      { word: 'shot', typing: true },
    ]);
  });
});
