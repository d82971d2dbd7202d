import uFuzzy from '@leeoniya/ufuzzy';
import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import type { Paper } from '@/lib/digest/schema';
import { matchWordsInOrder, plainWords } from '@/lib/search/candidates';
import { generatePapers } from '../../helpers/generate-papers';

const papers = bundled.papers as Paper[];

describe('the fast exact pass', () => {
  it('matches exactly what uFuzzy matches for needles of plain words', () => {
    const haystack = [...papers, ...generatePapers(5_000, 3)].map(
      (paper) => `${paper.title} · ${paper.authors.join(', ')} · ${paper.repos.join(' ')}`,
    );
    const lowered = haystack.map((text) => text.toLowerCase());
    const fuzzy = new uFuzzy();
    const needles = [
      'le',
      'lan',
      'Language',
      'language mod',
      'models language',
      'brown',
      'zip fit',
      'Benchmark dataset',
      'graph neural',
      'vaswani',
      'qu',
      'transformer e',
      'a b c',
      'xyzzy',
    ];
    for (const needle of needles) {
      const words = plainWords(needle);
      if (!words) throw new Error(`not plain: ${needle}`);
      expect(matchWordsInOrder(lowered, words), needle).toEqual(fuzzy.filter(haystack, needle));
      const within = [5, 70, 100, 4_000, 4_070];
      expect(matchWordsInOrder(lowered, words, within), needle).toEqual(
        fuzzy.filter(haystack, needle, within),
      );
    }
  });

  it('leaves needles with digits or punctuation to uFuzzy', () => {
    expect(plainWords('gpt4')).toBeNull();
    expect(plainWords('few-shot')).toBeNull();
    expect(plainWords('a  b')).toBeNull();
    expect(plainWords('Few Shot')).toEqual(['few', 'shot']);
  });
});
