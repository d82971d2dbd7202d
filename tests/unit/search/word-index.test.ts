import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import type { Paper } from '@/lib/digest/schema';
import { buildSearchRecord } from '@/lib/search/record';
import { columnValues } from '@/lib/search/text-column';
import { createSearcher } from '@/lib/search/searcher';
import {
  buildWordIndex,
  decodeGaps,
  encodeGaps,
  gapBytes,
  packWordIndex,
  unpackWordIndex,
  wordIndexSource,
  type StoredWordIndexOfIndexes,
} from '@/lib/search/word-index';

/** Postings a digest can hold: neighbours, gaps at each byte boundary, the largest index. */
const POSTINGS: [string, number[], number][] = [
  ['no paper', [], 0],
  ['the first paper', [0], 1],
  ['neighbours', [0, 1, 2, 3], 4],
  ['a gap of 127 (one byte) and of 128 (two)', [127, 255, 384], 4],
  ['gaps at the two- and three-byte edges', [16_383, 16_384, 16_384 + 16_385], 2 + 1 + 3],
  ['a paper far into a large digest', [5, 2_097_158, 268_435_462], 1 + 4 + 4],
  ['the largest index a Uint32Array holds', [0, 2 ** 32 - 1], 1 + 5],
];

describe('postings as gaps', () => {
  it.each(POSTINGS)(
    '%s: written in the bytes counted and read back as they were',
    (_, papers, bytes) => {
      expect(gapBytes(papers)).toBe(bytes);
      // Written between other bytes, as each word's list is in the index.
      const out = new Uint8Array(bytes + 4).fill(0xff);
      expect(encodeGaps(papers, out, 2)).toBe(2 + bytes);
      expect([...decodeGaps(out, 2, 2 + bytes)]).toEqual(papers);
      expect(out[0]).toBe(0xff);
      expect(out[bytes + 3]).toBe(0xff);
    },
  );

  it('takes a byte a paper for the common words of 100,000 papers', () => {
    const everyThird = Array.from({ length: 33_334 }, (_, i) => i * 3);
    expect(gapBytes(everyThird)).toBe(everyThird.length);
  });
});

describe('the stored word index', () => {
  const record = buildSearchRecord(bundled.papers as Paper[], 's');
  const index = record.words ?? buildWordIndex([], [], []);
  const source = wordIndexSource(index);
  const papersOf = (word: string) => [...source.postings(source.vocabulary.indexOf(word))];

  it('names every paper a word is in, ascending', () => {
    const titles = bundled.papers.map((paper) => paper.title.toLowerCase());
    const expected = titles.flatMap((title, i) => (/\blanguage\b/.test(title) ? [i] : []));
    expect(expected.length).toBeGreaterThan(1);
    expect(papersOf('language')).toEqual(expect.arrayContaining(expected));
    const found = papersOf('language');
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });

  it('reads back packed as it was built', () => {
    const unpacked = unpackWordIndex(packWordIndex(index));
    expect(columnValues(unpacked.words)).toEqual(columnValues(index.words));
    expect([...unpacked.postings]).toEqual([...index.postings]);
  });

  it('is still read in the form stored before gaps (32-bit indexes), finding the same papers', () => {
    const words = columnValues(index.words);
    const lists = words.map((_, at) => [...source.postings(at)]);
    const starts = new Uint32Array(index.words.length + 1);
    lists.forEach((list, at) => (starts[at + 1] = (starts[at] ?? 0) + list.length));
    const older: StoredWordIndexOfIndexes = {
      words: words.join('\n'),
      starts,
      papers: Uint32Array.from(lists.flat()),
    };
    const read = unpackWordIndex(older);
    expect(columnValues(read.words)).toEqual(words);
    expect([...read.postings]).toEqual([...index.postings]);
    const searcher = createSearcher({ ...record, words: read }, new Set());
    const current = createSearcher(record, new Set());
    for (const query of ['language', 'languag', 'vision transformer', 'agent memory']) {
      expect(searcher.search(query)).toEqual(current.search(query));
    }
  });
});
