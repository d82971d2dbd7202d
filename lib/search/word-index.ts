/**
 * The word index of titles, authors and repos: every word and the papers that have it, built by
 * the worker with the search record and stored packed beside it, so the popup searches words
 * without cutting 100,000 titles into words when it opens. Postings are kept as gaps between
 * ascending paper indexes, 7 bits a byte (most gaps fit one byte), and decoded one word at a time
 * as a query needs it: at 100,000 papers that is 2 MB to read when the popup opens instead of
 * 7.5 MB of 32-bit indexes, and the popup's reading time follows the bytes. Never: holds
 * abstract words (they are too many to load with the popup: see abstract-index.ts).
 */
import { columnValues, separatedColumn, type TextColumn } from './text-column';
import { runToEnd } from './steps';
import { readVarints, varintBytes, writeVarint } from './varint';
import { textWords } from './words';
import { Vocabulary } from './vocabulary';
import type { PaperSet, PostingsSource } from './word-sets';

export interface WordIndex {
  /** Sorted, distinct. */
  words: TextColumn;
  /** Postings of `words[i]` are bytes `starts[i] .. starts[i + 1] - 1` of `postings`. */
  starts: Uint32Array;
  /** Each word's papers, ascending, as gaps (`encodeGaps`). */
  postings: Uint8Array;
}

/** The stored form: the words as one string (one clone instead of 100,000). */
export interface StoredWordIndex {
  words: string;
  starts: Uint32Array;
  postings: Uint8Array;
}

/**
 * The form stored before postings were gaps: `starts` index `papers`, one 32-bit paper index
 * each. Still read (an update of PaperPeek finds it until the next digest refresh).
 */
export interface StoredWordIndexOfIndexes {
  words: string;
  starts: Uint32Array;
  papers: Uint32Array;
}

/** Collects words paper by paper (papers added in ascending order), then packs them. */
export class PostingsBuilder {
  private readonly postings = new Map<string, number[]>();

  add(paperIndex: number, words: Iterable<string>): void {
    for (const word of words) {
      const list = this.postings.get(word);
      if (!list) this.postings.set(word, [paperIndex]);
      else if (list[list.length - 1] !== paperIndex) list.push(paperIndex);
    }
  }

  words(): IterableIterator<string> {
    return this.postings.keys();
  }

  postingsOf(word: string): readonly number[] {
    return this.postings.get(word) ?? [];
  }

  build(): WordIndex {
    return packPostings(this, [...this.postings.keys()].sort());
  }
}

/** The postings of `words` (sorted) from `builder`, encoded into one byte array. */
export function packPostings(builder: PostingsBuilder, words: string[]): WordIndex {
  return runToEnd(packPostingsSteps(builder, words));
}

const PACK_STEP = 20_000;

/** The same packing, yielding every PACK_STEP words (for the worker's record steps). */
export function* packPostingsSteps(
  builder: PostingsBuilder,
  words: string[],
): Generator<void, WordIndex> {
  const encoded = yield* encodeListsSteps(words.length, (i) =>
    builder.postingsOf(words[i] as string),
  );
  return { words, ...encoded };
}

/**
 * `count` lists of papers (`listOf(i)`, each ascending) encoded one after another as gaps, with
 * where each starts; yields every PACK_STEP lists.
 */
function* encodeListsSteps(
  count: number,
  listOf: (i: number) => ArrayLike<number>,
): Generator<void, { starts: Uint32Array; postings: Uint8Array }> {
  const starts = new Uint32Array(count + 1);
  let total = 0;
  for (let from = 0; from < count; from += PACK_STEP) {
    for (let i = from; i < Math.min(from + PACK_STEP, count); i += 1) {
      starts[i] = total;
      total += gapBytes(listOf(i));
    }
    yield;
  }
  starts[count] = total;
  const postings = new Uint8Array(total);
  for (let from = 0; from < count; from += PACK_STEP) {
    for (let i = from; i < Math.min(from + PACK_STEP, count); i += 1) {
      encodeGaps(listOf(i), postings, starts[i] ?? 0);
    }
    yield;
  }
  return { starts, postings };
}

/** Bytes `encodeGaps` writes for `papers`. */
export function gapBytes(papers: ArrayLike<number>): number {
  let bytes = 0;
  let previous = -1;
  for (let i = 0; i < papers.length; i += 1) {
    const paper = papers[i] as number;
    bytes += varintBytes(paper - previous - 1);
    previous = paper;
  }
  return bytes;
}

/**
 * Writes `papers` (ascending, distinct) into `out` from `at`: each as its distance from the one
 * before less one (the first from -1), as varints. Returns where it stopped.
 */
export function encodeGaps(papers: ArrayLike<number>, out: Uint8Array, at: number): number {
  let position = at;
  let previous = -1;
  for (let i = 0; i < papers.length; i += 1) {
    const paper = papers[i] as number;
    position = writeVarint(paper - previous - 1, out, position);
    previous = paper;
  }
  return position;
}

/** The papers written by `encodeGaps` into `bytes[from, to)`, ascending. */
export function decodeGaps(bytes: Uint8Array, from: number, to: number): PaperSet {
  // Every paper takes at least one byte: never more papers than bytes.
  const papers = new Uint32Array(to - from);
  let count = 0;
  let previous = -1;
  readVarints(bytes, from, to, (gap) => {
    previous += gap + 1;
    papers[count++] = previous;
  });
  return count === papers.length ? papers : papers.subarray(0, count);
}

/** What a paper is found by without its abstract. */
export function titleSideText(title: string, authors: string, repos: string): string {
  return `${title} ${authors} ${repos}`;
}

export function buildWordIndex(
  titles: TextColumn,
  authors: TextColumn,
  repos: TextColumn,
): WordIndex {
  const builder = new PostingsBuilder();
  for (let i = 0; i < titles.length; i += 1) {
    const text = titleSideText(titles.at(i) ?? '', authors.at(i) ?? '', repos.at(i) ?? '');
    builder.add(i, textWords(text));
  }
  return builder.build();
}

export function packWordIndex(index: WordIndex): StoredWordIndex {
  return {
    words: columnValues(index.words).join('\n'),
    starts: index.starts,
    postings: index.postings,
  };
}

export function unpackWordIndex(stored: StoredWordIndex | StoredWordIndexOfIndexes): WordIndex {
  // Read in place: cutting 100,000 words apart when the popup opens is work its first query may
  // not need (a query looks up a few words by binary search).
  const words = separatedColumn(stored.words, '\n');
  if ('postings' in stored) return { words, starts: stored.starts, postings: stored.postings };
  // The older form, turned into gaps once: the searcher then reads one form only.
  const { starts: indexStarts, papers } = stored;
  const encoded = runToEnd(
    encodeListsSteps(words.length, (i) =>
      papers.subarray(indexStarts[i] ?? 0, indexStarts[i + 1] ?? indexStarts[i] ?? 0),
    ),
  );
  return { words, ...encoded };
}

/** The index as a source of postings for matching: each word's papers decoded when asked for. */
export function wordIndexSource(index: WordIndex): PostingsSource {
  const vocabulary = new Vocabulary(index.words);
  return {
    vocabulary,
    postings: (at: number): PaperSet =>
      decodeGaps(index.postings, index.starts[at] ?? 0, index.starts[at + 1] ?? 0),
  };
}
