import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { searchRowsOf, searchRecordOfRows } from '@/lib/db';
import type { Paper } from '@/lib/digest/schema';
import { buildSearchRecord } from '@/lib/search/record';
import { createSearcher } from '@/lib/search/searcher';
import { columnValues } from '@/lib/search/text-column';
import { packTokenColumn, packTokenColumnSteps, tokenColumn } from '@/lib/search/token-column';
import { generatePapers } from '../../helpers/generate-papers';

const COLUMNS: [string, string[]][] = [
  ['no title', []],
  ['one title', ['Attention Is All You Need']],
  ['empty titles', ['', 'A', '']],
  [
    'spaces that are not single: leading, trailing, doubled, tabs and newlines',
    [' Leading', 'Trailing ', 'Two  spaces', '   ', 'Tab\tand\nnewline', ' '],
  ],
  ['punctuation and case kept as typed', ['GPT-4: (Not) ALL you need?', 'gpt-4: (not) all']],
  ['titles outside ASCII and beyond the BMP', ['Über 𝔼-Modelle', 'Ψ-нейросети 数学 🧮']],
  [
    'more distinct words than fit one byte, then two bytes',
    Array.from({ length: 20_000 }, (_, i) => `Title ${i} of ${i % 7}`),
  ],
];

describe('titles stored as their words', () => {
  it.each(COLUMNS)('%s: read back exactly, in any order', (_, values) => {
    const column = tokenColumn(packTokenColumn(values));
    expect(column.length).toBe(values.length);
    expect(columnValues(column)).toEqual(values);
    for (const index of [values.length - 1, 0, Math.floor(values.length / 2)]) {
      if (index >= 0) expect(column.at(index)).toBe(values[index]);
    }
    for (const outside of [-1, values.length, 0.5]) expect(column.at(outside)).toBeUndefined();
  });

  it('packs the same in steps as at once', () => {
    const values = generatePapers(25_000).map((paper) => paper.title);
    const steps = packTokenColumnSteps(values);
    let step = steps.next();
    let pauses = 0;
    while (!step.done) {
      pauses += 1;
      step = steps.next();
    }
    expect(pauses).toBeGreaterThan(5);
    expect(step.value).toEqual(packTokenColumn(values));
  });

  it('takes a fraction of the titles’ characters for titles that share their words', () => {
    const titles = generatePapers(10_000).map((paper) => paper.title);
    const { tokens, codes, codeLengths } = packTokenColumn(titles);
    const stored = tokens.text.length + tokens.lengths.byteLength + codes.byteLength;
    const characters = titles.join('').length;
    expect(stored + codeLengths.byteLength).toBeLessThan(characters / 3);
  });
});

describe('the search record as the popup reads it back', () => {
  it('finds and ranks as the record the worker built', () => {
    const papers = [...(bundled.papers as Paper[]), ...generatePapers(2_000, 5)];
    const built = buildSearchRecord(papers, 'stamp');
    const [search, words, authors] = searchRowsOf(built);
    const read = searchRecordOfRows(search, words, authors);
    if (!read) throw new Error('no record read back');
    expect(columnValues(read.titles)).toEqual(papers.map((paper) => paper.title));
    const asBuilt = createSearcher(built, new Set());
    const asRead = createSearcher(read, new Set());
    for (const query of ['language models', 'languag', 'a:lovelace', 'y:2023 vision', 'has:code']) {
      const hits = asBuilt.search(query);
      expect(hits.length).toBeGreaterThan(0);
      expect(asRead.search(query)).toEqual(hits);
    }
  });
});
