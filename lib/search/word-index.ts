/**
 * The word index of titles, authors and repos: every word and the papers that have it, built by
 * the worker with the search record and stored packed beside it, so the popup searches words
 * without cutting 100,000 titles into words when it opens. Never: holds abstract words (they are
 * too many to load with the popup: see abstract-index.ts).
 */
import { textWords } from './words';
import { Vocabulary } from './vocabulary';
import type { PaperSet, PostingsSource } from './word-sets';

export interface WordIndex {
  /** Sorted, distinct. */
  words: string[];
  /** Postings of `words[i]` are `papers[starts[i]] .. papers[starts[i + 1] - 1]`, ascending. */
  starts: Uint32Array;
  papers: Uint32Array;
}

/** The stored form: the words as one string (one clone instead of 100,000). */
export interface StoredWordIndex {
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

/** The postings of `words` (sorted) from `builder`, as one typed array. */
export function packPostings(builder: PostingsBuilder, words: string[]): WordIndex {
  const steps = packPostingsSteps(builder, words);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const PACK_STEP = 20_000;

/** The same packing, yielding every PACK_STEP words (for the worker's record steps). */
export function* packPostingsSteps(
  builder: PostingsBuilder,
  words: string[],
): Generator<void, WordIndex> {
  const starts = new Uint32Array(words.length + 1);
  let total = 0;
  words.forEach((word, i) => {
    starts[i] = total;
    total += builder.postingsOf(word).length;
  });
  starts[words.length] = total;
  const papers = new Uint32Array(total);
  for (let from = 0; from < words.length; from += PACK_STEP) {
    for (let i = from; i < Math.min(from + PACK_STEP, words.length); i += 1) {
      papers.set(builder.postingsOf(words[i] as string), starts[i] ?? 0);
    }
    yield;
  }
  return { words, starts, papers };
}

/** What a paper is found by without its abstract. */
export function titleSideText(title: string, authors: string, repos: string): string {
  return `${title} ${authors} ${repos}`;
}

export function buildWordIndex(
  titles: readonly string[],
  authors: readonly string[],
  repos: readonly string[],
): WordIndex {
  const builder = new PostingsBuilder();
  titles.forEach((title, i) =>
    builder.add(i, textWords(titleSideText(title, authors[i] ?? '', repos[i] ?? ''))),
  );
  return builder.build();
}

export function packWordIndex(index: WordIndex): StoredWordIndex {
  return { words: index.words.join('\n'), starts: index.starts, papers: index.papers };
}

export function unpackWordIndex(stored: StoredWordIndex): WordIndex {
  return {
    words: stored.words ? stored.words.split('\n') : [],
    starts: stored.starts,
    papers: stored.papers,
  };
}

/** The index as a source of postings for matching. */
export function wordIndexSource(index: WordIndex): PostingsSource {
  const vocabulary = new Vocabulary(index.words);
  return {
    vocabulary,
    postings: (at: number): PaperSet =>
      index.papers.subarray(index.starts[at] ?? 0, index.starts[at + 1] ?? 0),
  };
}
