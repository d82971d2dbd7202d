/**
 * Which papers have every word of a query, from postings (ascending paper indexes). Owns: the
 * matching rules over words: any order, and two neighbouring query words may be one word of the
 * paper (`multi task` finds `multitask`) as one query word may be two of its words (`multitask`
 * finds `multi-task`). Two answers each time: `strict` (every word as typed, or being typed) and
 * `loose` (also longer forms of finished words, typos and split words). Never: reads storage or
 * ranks.
 */
import type { QueryWord, Vocabulary } from './vocabulary';

/** Paper indexes, ascending. */
export type PaperSet = Uint32Array;

/** One query word's papers in one index; null places no condition (a word it cannot look up). */
export interface WordSets {
  strict: PaperSet | null;
  loose: PaperSet | null;
}

/** Words and their postings: the title index in memory, or abstract rows read for a query. */
export interface PostingsSource {
  vocabulary: Vocabulary;
  postings(wordIndex: number): PaperSet;
}

const EMPTY: PaperSet = new Uint32Array(0);

export function intersect(a: PaperSet, b: PaperSet): PaperSet {
  if (a.length > b.length) return intersect(b, a);
  const out = new Uint32Array(a.length);
  let count = 0;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i += 1) {
    const x = a[i] as number;
    while (j < b.length && (b[j] as number) < x) j += 1;
    if (b[j] === x) out[count++] = x;
  }
  return out.subarray(0, count);
}

// Marks shared by every union (one byte per paper), left all zero after each use.
let marks = new Uint8Array(0);

/** The union of any number of sets (each ascending), ascending. */
export function unionOf(sets: readonly PaperSet[], paperCount: number): PaperSet {
  const nonEmpty = sets.filter((set) => set.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0] as PaperSet;
  if (nonEmpty.length === 2) return mergeTwo(nonEmpty[0] as PaperSet, nonEmpty[1] as PaperSet);
  if (marks.length < paperCount) marks = new Uint8Array(paperCount);
  let total = 0;
  for (const set of nonEmpty) total += set.length;
  const out = new Uint32Array(total);
  let count = 0;
  for (const set of nonEmpty) {
    for (let i = 0; i < set.length; i += 1) {
      const paper = set[i] as number;
      if (marks[paper] === 0) {
        marks[paper] = 1;
        out[count++] = paper;
      }
    }
  }
  const union = out.subarray(0, count);
  for (let i = 0; i < count; i += 1) marks[union[i] as number] = 0;
  // A typed-array sort is native; beyond an eighth of the papers a pass over them is cheaper.
  if (count < paperCount / 8) return union.sort();
  const sorted = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) marks[union[i] as number] = 1;
  let at = 0;
  for (let paper = 0; paper < paperCount && at < count; paper += 1) {
    if (marks[paper]) {
      sorted[at++] = paper;
      marks[paper] = 0;
    }
  }
  return sorted;
}

function mergeTwo(a: PaperSet, b: PaperSet): PaperSet {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    const next = x <= y ? x : y;
    out[count++] = next;
    if (x === next) i += 1;
    if (y === next) j += 1;
  }
  return out.subarray(0, count);
}

/**
 * A query word's papers in one source: strict, its exact forms; loose, also its longer forms and
 * typos, and each way it splits into two words (`multitask` → `multi` + `task`), those two
 * matched as if typed apart.
 */
export function wordSets(
  source: PostingsSource,
  word: QueryWord,
  paperCount: number,
  withSplits = true,
): WordSets {
  const { vocabulary } = source;
  const expansion = vocabulary.expand(word);
  const exact = unionOf(
    expansion.exact.map((at) => source.postings(at)),
    paperCount,
  );
  const near = unionOf(
    [...expansion.longer, ...expansion.typos].map((at) => source.postings(at)),
    paperCount,
  );
  const strict = [exact];
  const loose = [exact, near];
  if (withSplits) {
    for (const [left, right] of splitWords(vocabulary, word)) {
      const first = wordSets(source, left, paperCount, false);
      const second = wordSets(source, right, paperCount, false);
      // Loose: the two words may stand apart (`life ... long` for `lifelong`); ranking prefers
      // the titles where they stand together.
      loose.push(intersect(first.loose ?? EMPTY, second.loose ?? EMPTY));
    }
  }
  return { strict: unionOf(strict, paperCount), loose: unionOf(loose, paperCount) };
}

function splitWords(vocabulary: Vocabulary, word: QueryWord): [QueryWord, QueryWord][] {
  return vocabulary.splits(word).map(([left, right]) => [
    { word: left, typing: false },
    { word: right, typing: word.typing },
  ]);
}

/** Papers with `joined` as one word (`multi` + `task` → `multitask`), in any of its forms. */
export function joinedSets(
  source: PostingsSource,
  joined: QueryWord,
  paperCount: number,
): WordSets {
  return wordSets(source, joined, paperCount, false);
}

/** Every vocabulary position `wordSets` reads for `word` (alone, or with `joinedWith`). */
export function wordsRead(vocabulary: Vocabulary, word: QueryWord, withSplits = true): number[] {
  const { exact, longer, typos } = vocabulary.expand(word);
  const read = [...exact, ...longer, ...typos];
  if (withSplits) {
    for (const [left, right] of splitWords(vocabulary, word)) {
      read.push(...wordsRead(vocabulary, left, false), ...wordsRead(vocabulary, right, false));
    }
  }
  return read;
}

/** Neighbouring query words that may be one word in a paper: letters on both sides. */
export function joinable(left: QueryWord, right: QueryWord): boolean {
  return /^\p{L}+$/u.test(left.word) && /^\p{L}+$/u.test(right.word);
}

export interface QueryMatch {
  strict: PaperSet | null;
  loose: PaperSet | null;
}

/**
 * Papers with every query word, each matching alone or joined with the next one (`single(i)`,
 * `joined(i)` for words i and i + 1 as one word, or undefined). Read from the first word on, so
 * that `prefixes` (the answer for the first k words, keyed by `key(k)`) can be kept between
 * keystrokes: typing the last word reuses every answer before it. Null: no word placed a
 * condition.
 */
export function matchWords(
  count: number,
  single: (i: number) => WordSets,
  joined: (i: number) => WordSets | undefined,
  prefixes?: { key(k: number): string; cache: Map<string, QueryMatch> },
): QueryMatch {
  const upTo: QueryMatch[] = [{ strict: null, loose: null }];
  for (let k = 1; k <= count; k += 1) {
    const key = prefixes?.key(k);
    const known = key === undefined ? undefined : prefixes?.cache.get(key);
    if (known) {
      upTo[k] = known;
      continue;
    }
    const before = upTo[k - 1] as QueryMatch;
    const one = single(k - 1);
    const two = k >= 2 ? joined(k - 2) : undefined;
    const twoBefore = upTo[k - 2] as QueryMatch;
    const next: QueryMatch = {
      strict: either(both(before.strict, one.strict), two && both(twoBefore.strict, two.strict)),
      loose: either(both(before.loose, one.loose), two && both(twoBefore.loose, two.loose)),
    };
    upTo[k] = next;
    if (key !== undefined && prefixes) {
      if (prefixes.cache.size >= 64) prefixes.cache.clear();
      prefixes.cache.set(key, next);
    }
  }
  return upTo[count] as QueryMatch;
}

function both(a: PaperSet | null, b: PaperSet | null): PaperSet | null {
  if (a === null) return b;
  if (b === null) return a;
  return intersect(a, b);
}

function either(a: PaperSet | null, b: PaperSet | null | undefined): PaperSet | null {
  if (b === undefined) return a;
  if (a === null || b === null) return null;
  return mergeTwo(a, b);
}
