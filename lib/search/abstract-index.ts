/**
 * The token index behind "words of the abstract" in the popup's search. Owns: how abstracts are
 * cut into words and the shape of the packed index rows; the worker builds them with every
 * digest change (abstract-index-builder.ts) and the popup reads those its words need
 * (abstract-lookup.ts). Never: holds abstracts (the popup must not load 100 MB of text to
 * search it) or reads anything but the rows of the words asked for.
 *
 * One more row, VOCABULARY_BUCKET, lists every word (one string): the popup loads it to find the
 * words a typo or a joined word stands for before it reads their buckets.
 *
 * Rows are buckets of words sharing their first BUCKET_LENGTH characters: a few thousand rows
 * instead of hundreds of thousands of one-word rows (IndexedDB writes cost per row), and a word
 * being typed is a prefix that lives in one bucket. Postings are indexes into the search record
 * written in the same transaction, so they are never out of step with it.
 */

import type { QueryWord } from './vocabulary';
import { textWords } from './words';

/** A word shorter than this is not indexed and not looked for. */
export const BUCKET_LENGTH = 3;
export const MAX_WORD_LENGTH = 32;

/** The key of the row that lists every word; no bucket of words is named so (`#` is no word). */
export const VOCABULARY_BUCKET = '#words';

export interface AbstractVocabularyRow {
  bucket: typeof VOCABULARY_BUCKET;
  stamp: string;
  /** Every indexed word, sorted, joined with new lines. */
  vocabulary: string;
}

export type AbstractIndexTableRow = AbstractIndexRow | AbstractVocabularyRow;

export interface AbstractIndexRow {
  /** The first BUCKET_LENGTH characters of every word in the row. */
  bucket: string;
  /** The `stamp` of the search record whose indexes these postings are. */
  stamp: string;
  /** Sorted. */
  words: string[];
  /** Postings of `words[i]` are `papers[starts[i]] .. papers[starts[i + 1] - 1]`, ascending. */
  starts: Uint32Array;
  papers: Uint32Array;
}

// Words that say nothing about a paper: looking them up would only cost time.
export const STOPWORDS = new Set(
  (
    'the and for are but not you all any can her was one our out has had his how its may new now ' +
    'see two who did get him let say she too use that with this from they were been have than ' +
    'then them these those their there which while where when what will would could should ' +
    'into onto over under also such each other more most some very only both same just about ' +
    'after before between through during without within upon via per our ours your yours its ' +
    'being does doing done here thus hence however whether either neither among across'
  ).split(' '),
);

/** The distinct indexable words of a text (words.ts's words), without short ones and stopwords. */
export function abstractWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of textWords(text)) {
    if (word.length >= BUCKET_LENGTH && word.length <= MAX_WORD_LENGTH && !STOPWORDS.has(word)) {
      words.add(word);
    }
  }
  return [...words];
}

/**
 * Whether the index can answer for a query word: short words and stopwords are not in it, unless
 * a stopword is being typed (it may be the start of a longer word: `the` → `theory`).
 */
export function isIndexedWord({ word, typing }: QueryWord): boolean {
  return (
    word.length >= BUCKET_LENGTH &&
    word.length <= MAX_WORD_LENGTH &&
    (typing || !STOPWORDS.has(word))
  );
}
