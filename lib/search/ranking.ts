/**
 * The order of matched papers. Owns the rules a researcher expects, in this order: more of the
 * words in the title (not only in authors or repos), those words together as typed, every word
 * as typed (no typos or longer forms), the title starting with them, then Fuse.js's score of the
 * first RANKED_POOL (in steps of a tenth), then the newer paper. Never: finds candidates.
 */
import Fuse from 'fuse.js';
import type { SearchRecord } from './record';
import { matchTitle, type MatchableWord, type Range } from './title-match';

/** Candidates Fuse.js scores; the rest follow in rule order. */
export const RANKED_POOL = 50;

export interface Candidate {
  index: number;
  /** Matched every word as typed (word-sets.ts `strict`). */
  strict: boolean;
}

export interface RankedCandidate {
  index: number;
  /** [start, end) ranges of the title to highlight. */
  titleRanges: Range[];
}

interface Scored extends RankedCandidate {
  /** The rules as one number each, higher first, so that sorting compares a short array. */
  key: number[];
  newest: number;
}

/**
 * `candidates` in rank order. `newestRank[index]` is the paper's position in newest-first order
 * (0 is the newest); `text` is the query as typed, for Fuse.js.
 */
export function rankCandidates(
  record: SearchRecord,
  candidates: readonly Candidate[],
  words: MatchableWord[],
  text: string,
  newestRank: Int32Array,
): RankedCandidate[] {
  const scored: Scored[] = candidates.map(({ index, strict }) => {
    const title = matchTitle(record.titles.at(index) ?? '', words);
    return {
      index,
      titleRanges: title.ranges,
      key: [title.words, Number(title.phrase), Number(strict), title.start],
      newest: newestRank[index] ?? 0,
    };
  });
  const byRules = (a: Scored, b: Scored) => compareKeys(a.key, b.key) || a.newest - b.newest;
  scored.sort(byRules);
  const pool = scored.slice(0, RANKED_POOL);
  const bands = fuseBands(record, pool, text);
  pool.sort(
    (a, b) =>
      compareKeys(a.key, b.key) ||
      (bands.get(a.index) ?? FUSE_MISS) - (bands.get(b.index) ?? FUSE_MISS) ||
      a.newest - b.newest,
  );
  return [...pool, ...scored.slice(RANKED_POOL)].map(({ index, titleRanges }) => ({
    index,
    titleRanges,
  }));
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (b[i] ?? 0) - (a[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** A candidate Fuse.js does not match at all: after every one it scores. */
const FUSE_MISS = 11;

/**
 * Fuse.js's score of each candidate, in tenths (0 is a perfect match). Each query word is its own
 * fuzzy term (extended search), so word order does not cost. Tenths, not the raw score: among
 * papers that match equally well the newer one should win, not the one a hair closer.
 */
function fuseBands(
  record: SearchRecord,
  pool: readonly Scored[],
  text: string,
): Map<number, number> {
  const terms = text
    .split(/\s+/)
    .filter(Boolean)
    // Extended search reads `'`, `!`, `^`, `=` and `$` as operators: typed text is all fuzzy.
    .map((term) => term.replace(/^[!'^=]+|\$+$/g, ''))
    .filter(Boolean);
  const bands = new Map<number, number>();
  if (terms.length === 0 || pool.length === 0) return bands;
  const items = pool.map(({ index }) => ({
    index,
    title: record.titles.at(index) ?? '',
    // Until the popup has read them (a moment after search is ready), no author scores.
    authors: record.authors?.at(index) ?? '',
    repos: record.repos.at(index) ?? '',
  }));
  const fuse = new Fuse(items, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'authors', weight: 1 },
      { name: 'repos', weight: 1 },
    ],
    ignoreLocation: true,
    // A shorter title is not a better match: among equals the newer paper is.
    ignoreFieldNorm: true,
    includeScore: true,
    useExtendedSearch: true,
    threshold: 0.45,
  });
  for (const result of fuse.search(terms.join(' '))) {
    bands.set(result.item.index, Math.round((result.score ?? 1) * 10));
  }
  return bands;
}
