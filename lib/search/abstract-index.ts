/**
 * The token index behind "words of the abstract" in the popup's search. Owns: how abstracts are
 * cut into words, the packed index rows the worker writes with every digest change, and matching
 * query words against them. Never: holds abstracts (the popup must not load 100 MB of text to
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

import type { AbstractWords } from './searcher';
import { lowerBound, Vocabulary, type QueryWord } from './vocabulary';
import { joinable, wordsRead } from './word-sets';
import { isAsciiText, textWords } from './words';

/** A word shorter than this is not indexed and not looked for. */
export const BUCKET_LENGTH = 3;
const MAX_WORD_LENGTH = 32;

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
const STOPWORDS = new Set(
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

/** Collects the words of abstracts, paper by paper, then packs them into rows. */
export class AbstractIndexBuilder {
  private readonly postings = new Map<string, number[]>();
  // Stopwords are words seen with no list: one map lookup per word of an abstract decides what
  // to do with it.
  private readonly seen = new Map<string, number[] | null>(
    [...STOPWORDS].map((word) => [word, null]),
  );

  /** Papers must be added in ascending index order (postings come out sorted). */
  add(paperIndex: number, abstract: string): void {
    const text = abstract.toLowerCase();
    if (!isAsciiText(text)) {
      for (const word of textWords(abstract)) this.addWord(word, paperIndex);
      return;
    }
    // textWords's cut for ASCII text (runs of a-z, runs of 0-9), without making strings of runs
    // too short or too long to be indexed: 1.5 times faster than cutting every word and keeping
    // a set per abstract.
    let start = 0;
    let kind = 0; // 0: neither, 1: a letter, 2: a digit
    for (let at = 0; at <= text.length; at += 1) {
      const code = at < text.length ? text.charCodeAt(at) : 0;
      const next = code >= 97 && code <= 122 ? 1 : code >= 48 && code <= 57 ? 2 : 0;
      if (next === kind) continue;
      const length = at - start;
      if (kind !== 0 && length >= BUCKET_LENGTH && length <= MAX_WORD_LENGTH) {
        this.addWord(text.slice(start, at), paperIndex);
      }
      kind = next;
      start = at;
    }
  }

  private addWord(word: string, paperIndex: number): void {
    if (word.length < BUCKET_LENGTH || word.length > MAX_WORD_LENGTH) return;
    const list = this.seen.get(word);
    if (list === undefined) {
      const fresh = [paperIndex];
      this.seen.set(word, fresh);
      this.postings.set(word, fresh);
    } else if (list !== null && list[list.length - 1] !== paperIndex) {
      list.push(paperIndex);
    }
  }

  rows(stamp: string): AbstractIndexTableRow[] {
    const rows: AbstractIndexTableRow[] = [];
    for (const [bucket, words] of this.buckets()) rows.push(this.pack(bucket, words, stamp));
    rows.push(this.vocabularyRow(stamp));
    return rows;
  }

  /** The same rows, packed a few buckets at a time with `pause` between (100,000 papers: 0.2 s). */
  async rowsInChunks(stamp: string, pause: () => Promise<void>): Promise<AbstractIndexTableRow[]> {
    const rows: AbstractIndexTableRow[] = [];
    for (const [bucket, words] of this.buckets()) {
      rows.push(this.pack(bucket, words, stamp));
      if (rows.length % 100 === 0) await pause();
    }
    rows.push(this.vocabularyRow(stamp));
    return rows;
  }

  private vocabularyRow(stamp: string): AbstractVocabularyRow {
    return {
      bucket: VOCABULARY_BUCKET,
      stamp,
      vocabulary: [...this.postings.keys()].sort().join('\n'),
    };
  }

  private buckets(): Map<string, string[]> {
    const buckets = new Map<string, string[]>();
    for (const word of this.postings.keys()) {
      const bucket = word.slice(0, BUCKET_LENGTH);
      const words = buckets.get(bucket);
      if (words) words.push(word);
      else buckets.set(bucket, [word]);
    }
    return buckets;
  }

  private pack(bucket: string, words: string[], stamp: string): AbstractIndexRow {
    words.sort();
    const starts = new Uint32Array(words.length + 1);
    let total = 0;
    words.forEach((word, i) => {
      starts[i] = total;
      total += this.postings.get(word)?.length ?? 0;
    });
    starts[words.length] = total;
    const papers = new Uint32Array(total);
    words.forEach((word, i) => {
      // Papers are added in index order, so each list is already ascending.
      papers.set(this.postings.get(word) ?? [], starts[i] ?? 0);
    });
    return { bucket, stamp, words, starts, papers };
  }
}

/**
 * Rows grouped for writing, about `maxBytes` of postings per put. IndexedDB clones a value
 * synchronously when it is put (measured at about 9 ms per MB in the worker), so a put of 100
 * rows that happened to hold 18 MB stalled the worker for 170 ms; a row larger than `maxBytes`
 * (about 1 MB at most at 100,000 papers) goes alone.
 */
export function rowsInPuts(
  rows: readonly AbstractIndexTableRow[],
  maxBytes = INDEX_PUT_BYTES,
): AbstractIndexTableRow[][] {
  const puts: AbstractIndexTableRow[][] = [];
  let current: AbstractIndexTableRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size =
      'vocabulary' in row
        ? row.vocabulary.length * 2
        : row.papers.byteLength + row.starts.byteLength + row.words.length * 16;
    if (current.length > 0 && bytes + size > maxBytes) {
      puts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) puts.push(current);
  return puts;
}

export const INDEX_PUT_BYTES = 1_000_000;

export function buildAbstractIndex(
  abstracts: readonly string[],
  stamp: string,
): AbstractIndexTableRow[] {
  const builder = new AbstractIndexBuilder();
  abstracts.forEach((abstract, index) => builder.add(index, abstract));
  return builder.rows(stamp);
}

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
            const word = vocabulary.words[at] as string;
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
        ...new Set(positions.map((at) => (vocabulary.words[at] as string).slice(0, BUCKET_LENGTH))),
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

