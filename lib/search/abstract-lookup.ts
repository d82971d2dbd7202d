/**
 * Reading the abstract index in the popup (abstract-index.ts has its rows' shape): the
 * vocabulary once, then only the bucket rows the query's words (their typos, a pair joined)
 * need. Owns: what is read for a query. Never: writes the index.
 */
import {
  BUCKET_LENGTH,
  isIndexedWord,
  VOCABULARY_BUCKET,
  type AbstractIndexRow,
  type AbstractIndexTableRow,
} from './abstract-index';
import type { AbstractWords } from './searcher';
import { lowerBound, Vocabulary, type QueryWord } from './vocabulary';
import { joinable, wordsRead } from './word-sets';

export type ReadBucket = (bucket: string) => Promise<AbstractIndexTableRow | undefined>;

/** Bucket rows read for one query word: its typos may be spread over many; the rest are noise. */
const MAX_BUCKETS_PER_WORD = 16;
const EMPTY = new Uint32Array(0);

/**
 * Looks up the abstract words of a query: loads the vocabulary once, finds what each query word
 * (and each pair joined) stands for in it, and reads those words' bucket rows. Every call answers
 * the same source, whose rows only grow, so that the searcher can keep what it computed from it.
 * Null when there is no index for the search record with `stamp` (the digest changed since the
 * popup loaded its record: its postings would name the wrong papers).
 */
export function createAbstractLookup(readBucket: ReadBucket, stamp: string) {
  const reads = new Map<string, Promise<void>>();
  const loaded = new Map<string, AbstractIndexRow>();
  const read = (bucket: string) => {
    let reading = reads.get(bucket);
    if (!reading) {
      reading = readBucket(bucket).then((row) => {
        if (row && row.stamp === stamp && !('vocabulary' in row)) loaded.set(bucket, row);
      });
      reads.set(bucket, reading);
    }
    return reading;
  };
  let answer: Promise<AbstractWords | null> | null = null;
  const load = () =>
    (answer ??= readBucket(VOCABULARY_BUCKET).then((row) => {
      if (!row || row.stamp !== stamp || !('vocabulary' in row)) return null;
      const vocabulary = new Vocabulary(row.vocabulary ? row.vocabulary.split('\n') : []);
      return {
        source: {
          vocabulary,
          postings(at: number) {
            const word = vocabulary.words.at(at) as string;
            const bucket = loaded.get(word.slice(0, BUCKET_LENGTH));
            if (!bucket) return EMPTY;
            const position = lowerBound(bucket.words, word);
            return bucket.words[position] === word ? slice(bucket, position) : EMPTY;
          },
        },
        indexed: isIndexedWord,
      };
    }));

  return async function lookup(words: readonly QueryWord[]): Promise<AbstractWords | null> {
    const found = await load();
    if (!found) return null;
    const { vocabulary } = found.source;
    const bucketsOf = (positions: number[]) =>
      [
        ...new Set(
          positions.map((at) => (vocabulary.words.at(at) as string).slice(0, BUCKET_LENGTH)),
        ),
      ].slice(0, MAX_BUCKETS_PER_WORD);
    const buckets = new Set<string>();
    words.forEach((word, i) => {
      if (isIndexedWord(word))
        for (const bucket of bucketsOf(wordsRead(vocabulary, word))) buckets.add(bucket);
      const next = words[i + 1];
      if (next && joinable(word, next)) {
        const joined = { word: word.word + next.word, typing: next.typing };
        for (const bucket of bucketsOf(wordsRead(vocabulary, joined, false))) buckets.add(bucket);
      }
    });
    await Promise.all([...buckets].map(read));
    return found;
  };
}

function slice(row: AbstractIndexRow, wordIndex: number): Uint32Array {
  return row.papers.subarray(row.starts[wordIndex] ?? 0, row.starts[wordIndex + 1] ?? 0);
}
