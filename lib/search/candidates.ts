/**
 * The first search stage: which papers can match at all, from the lower-cased
 * `title · authors · repos` strings, fast enough for every keystroke at 100,000 papers. Owns:
 * exact words first (by indexOf), narrowing while the user types, typo tolerance (uFuzzy) only
 * when nothing matches as typed, other word orders for two or three words. Never: ranks beyond
 * uFuzzy's order (ranking.ts does), or reads abstracts.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import type { SearchRecord } from './record';

export const MAX_CANDIDATES = 300;
/** Above this many matches uFuzzy's ranking is skipped (it costs about 1 µs per match). */
const MAX_RANKED_MATCHES = 1_000;
/** Needles this short match much of a large digest: scanned newest first, stopping early. */
const SHORT_NEEDLE = 4;
const SCAN_CHUNK = 2_000;
const RECENT_NEEDLES = 64;

/** Returns the candidate finder for one record: call it with the query's text on each keystroke. */
export function createCandidateFinder(record: SearchRecord): (needle: string) => number[] {
  // Lower-cased once here: uFuzzy ignores case anyway, and the fast exact pass needs it so.
  const haystack = record.titles.map((title, i) =>
    `${title} · ${record.authors[i]} · ${record.repos[i]}`.toLowerCase(),
  );
  // Exact words first (linear time); typo-tolerant matching only when that finds nothing, and
  // then on at most three words: with more, its patterns backtrack for hundreds of ms.
  const fuzzy = new uFuzzy();
  const tolerant = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
  // The last needle and its matches: typing one more character narrows them instead of
  // scanning every paper again.
  let previous: { needle: string; idxs: number[] } | null = null;
  let previousTypos: { needle: string; idxs: number[] } | null = null;
  // Exact matches of recent needles: a typo in the word being typed is looked for among the
  // matches of the words before it, before the whole digest.
  const recentMatches = new Map<string, number[]>();
  const remember = (needle: string, idxs: number[]) => {
    recentMatches.delete(needle);
    recentMatches.set(needle, idxs);
    if (recentMatches.size > RECENT_NEEDLES) {
      const oldest = recentMatches.keys().next();
      if (!oldest.done) recentMatches.delete(oldest.value);
    }
  };

  // uFuzzy's exact pass over plain words is "each word as a substring, in order": indexOf
  // gives the same matches several times faster than its regexes.
  function exactMatches(needle: string, within?: number[]): number[] {
    const words = plainWords(needle);
    return words
      ? matchWordsInOrder(haystack, words, within)
      : (fuzzy.filter(haystack, needle, within) ?? []);
  }
  // Position of each paper in newest-first order, for taking the newest of many matches.
  let newestRank: Int32Array | null = null;
  const newestOf = (idxs: number[]) => {
    if (!newestRank) {
      const rank = new Int32Array(record.ids.length);
      record.newest.forEach((index, position) => (rank[index] = position));
      newestRank = rank;
    }
    const rank = newestRank;
    return [...idxs].sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0)).slice(0, MAX_CANDIDATES);
  };

  /**
   * The first MAX_CANDIDATES matches in newest-first order, scanning in chunks: a two- or
   * three-letter needle finds them within a few thousand papers instead of scanning 100,000.
   * Only a scan that reached the end is kept for narrowing.
   */
  function newestMatches(needle: string): number[] {
    const found: number[] = [];
    for (let start = 0; start < record.newest.length; start += SCAN_CHUNK) {
      found.push(...exactMatches(needle, record.newest.slice(start, start + SCAN_CHUNK)));
      if (found.length >= MAX_CANDIDATES) {
        previous = null;
        return found.slice(0, MAX_CANDIDATES);
      }
    }
    previous = { needle, idxs: found };
    return found;
  }

  function candidates(needle: string): number[] {
    const narrowing = previous && needle.startsWith(previous.needle) ? previous.idxs : undefined;
    if (!narrowing && needle.length < SHORT_NEEDLE && !needle.includes(' ')) {
      return newestMatches(needle);
    }
    const idxs = exactMatches(needle, narrowing);
    previous = { needle, idxs };
    remember(needle, idxs);
    if (idxs.length > 0) return best(idxs, needle);
    const terms = fuzzy.split(needle);
    const longest = [...terms].sort((a, b) => b.length - a.length).slice(0, 3);
    const typoNeedle = terms.filter((term) => longest.includes(term)).join(' ');
    const narrowTypos =
      previousTypos && typoNeedle.startsWith(previousTypos.needle) ? previousTypos.idxs : undefined;
    let typoMatches: number[] = [];
    // Most typos are in the word being typed: look for that word alone among the matches of
    // the words before it (tolerant patterns of several words backtrack for hundreds of ms even
    // on 50 strings; of one word they take microseconds).
    const typing = terms.at(-1) ?? '';
    const before = recentMatches.get(needle.slice(0, needle.length - typing.length).trimEnd());
    if (typing && before && before.length > 0) {
      typoMatches = tolerant.filter(haystack, typing, before) ?? [];
      // The words before it matched as typed, so the typo is in this one: the whole digest has
      // nothing better. While it is too short to tolerate a typo, the earlier matches stay.
      previousTypos = null;
      return typoMatches.length > 0 ? typoMatches.slice(0, MAX_CANDIDATES) : best(before, needle);
    }
    if (typoMatches.length === 0) {
      typoMatches = tolerant.filter(haystack, typoNeedle, narrowTypos) ?? [];
    }
    previousTypos = { needle: typoNeedle, idxs: typoMatches };
    if (typoMatches.length > 0 || terms.length < 2 || terms.length > 3) {
      return typoMatches.slice(0, MAX_CANDIDATES);
    }
    // uFuzzy matches words in order; "brown language" names the author before the title word.
    // For two or three words their permutations are tried too (at most 3! filters), ranked by
    // uFuzzy itself: its info() only understands matches in the needle's own order.
    const [permuted, info, order] = fuzzy.search(haystack, needle, 3);
    if (info && order) return order.slice(0, MAX_CANDIDATES).map((at) => info.idx[at] ?? 0);
    return (permuted ?? []).slice(0, MAX_CANDIDATES);
  }

  /** All matches when few; otherwise the MAX_CANDIDATES that uFuzzy ranks best. */
  function best(idxs: number[], needle: string): number[] {
    if (idxs.length <= MAX_CANDIDATES) return idxs;
    // Ranking costs about 2 µs per match: a needle still matching thousands of papers (a word
    // being typed) takes the newest of them, and the next keystroke narrows them.
    if (idxs.length > MAX_RANKED_MATCHES) return newestOf(idxs);
    const info = fuzzy.info(idxs, haystack, needle);
    return fuzzy
      .sort(info, haystack, needle)
      .slice(0, MAX_CANDIDATES)
      .map((at) => info.idx[at] ?? 0);
  }

  return candidates;
}

/** The words of a needle of plain letters only (lower-cased), or null when it has anything else. */
export function plainWords(needle: string): string[] | null {
  const lower = needle.toLowerCase();
  return /^[a-z]+( [a-z]+)*$/.test(lower) ? lower.split(' ') : null;
}

/** Indexes of the strings (lower-cased) that contain every word, in order, without overlap. */
export function matchWordsInOrder(
  lowered: readonly string[],
  words: readonly string[],
  within?: readonly number[],
): number[] {
  const matches: number[] = [];
  const test = (index: number) => {
    const text = lowered[index] ?? '';
    let from = 0;
    for (const word of words) {
      const at = text.indexOf(word, from);
      if (at < 0) return;
      from = at + word.length;
    }
    matches.push(index);
  };
  if (within) for (const index of within) test(index);
  else for (let index = 0; index < lowered.length; index += 1) test(index);
  return matches;
}
