import { describe, expect, it } from 'vitest';
import { columnValues, packedColumn, packStrings, separatedColumn } from '@/lib/search/text-column';

const COLUMNS: [string, string[]][] = [
  ['no paper', []],
  ['one title', ['Attention Is All You Need']],
  ['papers without authors or repos (empty strings)', ['', 'a', '', '', 'bc', '']],
  ['titles outside ASCII and beyond the BMP', ['Über 𝔼-Modelle', 'Ψ-нейросети', '数学 🧮']],
];

describe('a packed column read in place', () => {
  it.each(COLUMNS)('%s: each string read back by its position', (_, values) => {
    const column = packedColumn(packStrings(values));
    expect(column.length).toBe(values.length);
    values.forEach((value, index) => expect(column.at(index)).toBe(value));
    expect(columnValues(column)).toEqual(values);
  });

  it('reads in any order, the last string first', () => {
    const column = packedColumn(packStrings(['first', 'second', 'third']));
    expect([column.at(2), column.at(0), column.at(1)]).toEqual(['third', 'first', 'second']);
  });

  it('has nothing outside its positions (no wrap-around as Array#at has)', () => {
    const column = packedColumn(packStrings(['a', 'b']));
    for (const outside of [-1, 2, 1.5, Number.NaN]) expect(column.at(outside)).toBeUndefined();
  });
});

describe('a column of strings cut at a separator, read in place', () => {
  it.each(COLUMNS.filter(([, values]) => !values.includes('')))(
    '%s: each string read back by its position',
    (_, values) => {
      const column = separatedColumn(values.join('\n'), '\n');
      expect(column.length).toBe(values.length);
      expect(columnValues(column)).toEqual(values);
      expect(column.at(values.length)).toBeUndefined();
    },
  );

  it('keeps empty strings between separators, and the one after the last', () => {
    expect(columnValues(separatedColumn('a\n\nb\n', '\n'))).toEqual(['a', '', 'b', '']);
  });

  it('reads with a separator longer than a character', () => {
    expect(columnValues(separatedColumn('one, two, three', ', '))).toEqual(['one', 'two', 'three']);
    // Separators that could overlap are taken one after another, never twice over.
    expect(columnValues(separatedColumn('a;;;b', ';;'))).toEqual(['a', ';b']);
  });
});
