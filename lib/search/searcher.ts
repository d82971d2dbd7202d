/**
 * Paper search for the popup. Owns: the packed search record the worker keeps, query parsing
 * (filters, pasted ids and URLs), a fast candidate stage and the final ranking. Never: reads
 * database rows (the caller fetches rows for the visible results only).
 *
 * Two stages: uFuzzy filters the packed title+authors+repos strings (narrowing incrementally
 * while the user types and tolerating one typo per word), then Fuse.js scores and highlights at
 * most MAX_CANDIDATES of them. Fuse.js alone scans every paper per keystroke; see
 * docs/ARCHITECTURE.md for the measurements behind this split.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { Paper } from '../digest/schema';
import { paperKeyFromLink } from '../links/paper-link';
import { arxivIdMonth, canonicalArxivId } from '../links/arxiv-id';
import { parseRepoSlug } from '../links/github';
import { abstractQuery, type AbstractQuery } from './abstract-index';

/** What the popup loads instead of the rows: one string per paper and a few facts. */
export interface SearchRecord {
  version: 1;
  ids: string[];
  titles: string[];
  /** Authors joined with ", ". */
  authors: string[];
  /** Repos joined with " ". */
  repos: string[];
  /** Publication year, or 0 when unknown. */
  years: number[];
  /** Indexes into the arrays, newest paper first. */
  newest: number[];
  /**
   * Papers in the whole database, also in the `newest` excerpt: the worker's status reads it
   * instead of counting rows (a count walks every row and holds up the popup's reads). Absent in
   * records written before it existed.
   */
  paperCount?: number;
  /** Names this record; the abstract index rows written with it carry the same stamp. */
  stamp?: string;
}

export const MAX_CANDIDATES = 300;
const MIN_QUERY_LENGTH = 2;
/** Above this many matches uFuzzy's ranking is skipped (it costs about 1 µs per match). */
const MAX_RANKED_MATCHES = 1_000;
/** Needles this short match much of a large digest: scanned newest first, stopping early. */
const SHORT_NEEDLE = 4;
const SCAN_CHUNK = 2_000;
const RECENT_NEEDLES = 64;
const FUSE_POOL = 100;

/** What the search record needs of a paper. */
export type SearchFacts = Pick<
  Paper,
  'id' | 'title' | 'authors' | 'repos' | 'publishedAt' | 'arxivId'
>;

export function buildSearchRecord(papers: readonly SearchFacts[], stamp?: string): SearchRecord {
  const steps = searchRecordSteps(papers, stamp);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same record, built in steps of about 20 ms with `pause` between them (for the worker). */
export async function buildSearchRecordInSteps(
  papers: readonly SearchFacts[],
  stamp: string,
  pause: () => Promise<void>,
): Promise<SearchRecord> {
  const steps = searchRecordSteps(papers, stamp);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

const RECORD_STEP = 10_000;

function* searchRecordSteps(
  papers: readonly SearchFacts[],
  stamp?: string,
): Generator<void, SearchRecord> {
  const count = papers.length;
  const ids = new Array<string>(count);
  const titles = new Array<string>(count);
  const authors = new Array<string>(count);
  const repos = new Array<string>(count);
  const years = new Array<number>(count);
  // "date|id|position" strings: a native sort of plain strings is several times faster than a
  // comparator over 100,000 papers. Within a month the higher arXiv id is the later paper;
  // undated papers ("") come last once reversed.
  const width = String(count).length;
  const sortKeys = new Array<string>(count);
  for (let start = 0; start < count; start += RECORD_STEP) {
    for (let index = start; index < Math.min(start + RECORD_STEP, count); index += 1) {
      const paper = papers[index] as SearchFacts;
      ids[index] = paper.id;
      titles[index] = paper.title;
      authors[index] = paper.authors.join(', ');
      repos[index] = paper.repos.join(' ');
      years[index] = paperYear(paper);
      const position = String(count - index).padStart(width, '0');
      sortKeys[index] = `${paper.publishedAt ?? arxivMonth(paper.arxivId)}|${paper.id}|${position}`;
    }
    yield;
  }
  sortKeys.sort().reverse();
  yield;
  const newest = sortKeys.map((key) => count - Number(key.slice(key.lastIndexOf('|') + 1)));
  return {
    version: 1,
    ids,
    titles,
    authors,
    repos,
    years,
    newest,
    paperCount: count,
    ...(stamp ? { stamp } : {}),
  };
}

/**
 * How a search record is stored: each list of strings as one string and its lengths, numbers as
 * typed arrays. IndexedDB clones one long string or typed array as a block, while 400,000 small
 * strings cost it (and the popup reading them back) about 1 µs each.
 */
export interface StoredSearchRecord {
  version: 2;
  ids: PackedStrings;
  titles: PackedStrings;
  authors: PackedStrings;
  repos: PackedStrings;
  years: Uint16Array;
  newest: Uint32Array;
  paperCount: number;
  stamp?: string;
}

export interface PackedStrings {
  text: string;
  lengths: Uint32Array;
}

export function packStrings(values: readonly string[]): PackedStrings {
  const lengths = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i += 1) lengths[i] = values[i]?.length ?? 0;
  return { text: values.join(''), lengths };
}

export function unpackStrings({ text, lengths }: PackedStrings): string[] {
  const values = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i += 1) {
    const next = at + (lengths[i] ?? 0);
    values[i] = text.slice(at, next);
    at = next;
  }
  return values;
}

export function packSearchRecord(record: SearchRecord): StoredSearchRecord {
  return {
    version: 2,
    ids: packStrings(record.ids),
    titles: packStrings(record.titles),
    authors: packStrings(record.authors),
    repos: packStrings(record.repos),
    years: Uint16Array.from(record.years),
    newest: Uint32Array.from(record.newest),
    paperCount: record.paperCount ?? record.ids.length,
    ...(record.stamp ? { stamp: record.stamp } : {}),
  };
}

/** The same packing, a column at a time with `pause` between them (for the worker). */
export async function packSearchRecordInSteps(
  record: SearchRecord,
  pause: () => Promise<void>,
): Promise<StoredSearchRecord> {
  const packed: PackedStrings[] = [];
  for (const column of [record.ids, record.titles, record.authors, record.repos]) {
    packed.push(packStrings(column));
    await pause();
  }
  const [ids, titles, authors, repos] = packed as [
    PackedStrings,
    PackedStrings,
    PackedStrings,
    PackedStrings,
  ];
  return {
    version: 2,
    ids,
    titles,
    authors,
    repos,
    years: Uint16Array.from(record.years),
    newest: Uint32Array.from(record.newest),
    paperCount: record.paperCount ?? record.ids.length,
    ...(record.stamp ? { stamp: record.stamp } : {}),
  };
}

/** A stored record in either form (version 1 rows predate packing). */
export function unpackSearchRecord(stored: SearchRecord | StoredSearchRecord): SearchRecord {
  if (stored.version === 1) return stored;
  return {
    version: 1,
    ids: unpackStrings(stored.ids),
    titles: unpackStrings(stored.titles),
    authors: unpackStrings(stored.authors),
    repos: unpackStrings(stored.repos),
    years: Array.from(stored.years),
    newest: Array.from(stored.newest),
    paperCount: stored.paperCount,
    ...(stored.stamp ? { stamp: stored.stamp } : {}),
  };
}

/** The newest `count` papers as a record of their own: what the popup shows before anything else. */
export function newestRecord(record: SearchRecord, count = 30): SearchRecord {
  const picked = record.newest.slice(0, count);
  const take = <T>(values: T[]) => picked.map((index) => values[index] as T);
  return {
    version: 1,
    ids: take(record.ids),
    titles: take(record.titles),
    authors: take(record.authors),
    repos: take(record.repos),
    years: take(record.years),
    newest: picked.map((_, index) => index),
    paperCount: record.ids.length,
  };
}

export interface ParsedQuery {
  text: string;
  yearFrom?: number;
  yearTo?: number;
  author?: string;
  hasCode: boolean;
  isSaved: boolean;
  /** A pasted arXiv id, paper URL or repo: that paper goes first. */
  exact?: { arxivId?: string; repo?: string };
}

const FILTER = /(?:^|\s)(y|a|has|is):("[^"]*"|\S+)/gi;

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { text: '', hasCode: false, isSaved: false };
  const text = input.replace(FILTER, (_whole, name: string, rawValue: string) => {
    const value = rawValue.replace(/^"|"$/g, '').toLowerCase();
    const kind = name.toLowerCase();
    const years = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
    if (kind === 'y' && years) {
      query.yearFrom = Number(years[1]);
      query.yearTo = Number(years[2] ?? years[1]);
    } else if (kind === 'a' && value) query.author = value;
    else if (kind === 'has' && value === 'code') query.hasCode = true;
    else if (kind === 'is' && value === 'saved') query.isSaved = true;
    else return ` ${name}:${rawValue}`; // not a filter after all: keep it as text
    return ' ';
  });
  query.text = text.replace(/\s+/g, ' ').trim();
  const exact = exactTarget(query.text);
  if (exact) query.exact = exact;
  return query;
}

/** An arXiv id, any paper URL (through the content script's link parser) or an owner/name. */
function exactTarget(text: string): ParsedQuery['exact'] | undefined {
  if (!text || /\s/.test(text)) return undefined;
  const id = canonicalArxivId(text);
  if (id) return { arxivId: id };
  if (/^(https?:\/\/|www\.|[\w.-]+\.[a-z]{2,}\/)/i.test(text)) {
    const key = paperKeyFromLink({ href: /^https?:/i.test(text) ? text : `https://${text}` });
    if (key?.startsWith('arxiv:')) return { arxivId: key.slice(6) };
    if (key?.startsWith('github:')) return { repo: key.slice(7) };
  }
  const repo = text.includes('/') ? parseRepoSlug(text) : null;
  return repo ? { repo } : undefined;
}

export interface SearchHit {
  index: number;
  id: string;
  /** [start, end) ranges of the title to highlight. */
  titleRanges: [number, number][];
  /** Found by words of its abstract, not of its title, authors or repos. */
  inAbstract?: true;
}

export interface Searcher {
  search(input: string, limit?: number): SearchHit[];
  /**
   * `hits` (from `search`) followed, up to `limit`, by the papers whose abstracts have the
   * query's words (`matches`, from the abstract index), newest first and through the filters.
   */
  withAbstractMatches(
    input: string,
    hits: SearchHit[],
    matches: readonly number[],
    limit?: number,
  ): SearchHit[];
}

/** The words of `input` to look up in the abstract index, or null when it names no words. */
export function abstractQueryOf(input: string): AbstractQuery | null {
  const query = parseQuery(input);
  if (query.exact || query.text.length < MIN_QUERY_LENGTH) return null;
  return abstractQuery(/\s$/.test(input) ? `${query.text} ` : query.text);
}

export function createSearcher(record: SearchRecord, savedIds: ReadonlySet<string>): Searcher {
  // Lower-cased once here: uFuzzy ignores case anyway, and the fast exact pass needs it so.
  const haystack = record.titles.map((title, i) =>
    `${title} · ${record.authors[i]} · ${record.repos[i]}`.toLowerCase(),
  );
  // Exact words first (linear time); typo-tolerant matching only when that finds nothing, and
  // then on at most three words: with more, its patterns backtrack for hundreds of ms.
  const fuzzy = new uFuzzy();
  const tolerant = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
  // Only a pasted id needs it: built on first use, not while the popup opens.
  let indexOfId: Map<string, number> | null = null;
  const indexOf = (id: string) => {
    indexOfId ??= new Map(record.ids.map((paperId, index) => [paperId, index]));
    return indexOfId.get(id);
  };
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

  const passesFilters = (query: ParsedQuery, index: number): boolean => {
    const year = record.years[index] ?? 0;
    if (query.yearFrom !== undefined && (year < query.yearFrom || year > (query.yearTo ?? year)))
      return false;
    if (query.author && !(record.authors[index] ?? '').toLowerCase().includes(query.author))
      return false;
    if (query.hasCode && !record.repos[index]) return false;
    if (query.isSaved && !savedIds.has(record.ids[index] ?? '')) return false;
    return true;
  };

  /**
   * The first MAX_CANDIDATES matches in newest-first order, scanning in chunks: a two- or
   * three-letter needle finds them within a few thousand papers instead of scanning 100,000.
   * Only a scan that reached the end is kept for narrowing.
   */
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

  return {
    withAbstractMatches(input, hits, matches, limit = 50) {
      const query = parseQuery(input);
      const shown = new Set(hits.map((hit) => hit.index));
      const found = [...hits];
      // Walks the papers newest first until enough match: tens of thousands of matches for a
      // common word cost one pass over marks, not a sort.
      const matched = new Uint8Array(record.ids.length);
      for (const index of matches) matched[index] = 1;
      for (const index of record.newest) {
        if (found.length >= limit) break;
        if (matched[index] && !shown.has(index) && passesFilters(query, index)) {
          found.push({ index, id: record.ids[index] ?? '', titleRanges: [], inAbstract: true });
        }
      }
      return found;
    },
    search(input, limit = 50) {
      const query = parseQuery(input);
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const add = (index: number, titleRanges: [number, number][] = []) => {
        if (seen.has(index) || !passesFilters(query, index)) return;
        seen.add(index);
        hits.push({ index, id: record.ids[index] ?? '', titleRanges });
      };

      if (query.exact?.arxivId) {
        const index = indexOf(query.exact.arxivId);
        if (index !== undefined) add(index, [[0, (record.titles[index] ?? '').length]]);
      }
      if (query.exact?.repo) {
        record.repos.forEach((repos, index) => {
          if (repos.split(' ').includes(query.exact?.repo ?? '')) add(index);
        });
      }
      // One character names nothing yet (and would match most of a large digest): the newest
      // papers stay on screen until the second.
      const typed = query.text.length >= MIN_QUERY_LENGTH;
      if (!typed || (query.exact && hits.length > 0)) {
        if (!typed) for (const index of record.newest) if (hits.length < limit) add(index);
        return hits.slice(0, limit);
      }

      const pool = candidates(query.text).filter((index) => passesFilters(query, index));
      // Fuse.js costs about 40 µs per candidate and query word: it rescores the first
      // FUSE_POOL in uFuzzy's order; the rest follow unscored.
      const items = pool.slice(0, FUSE_POOL).map((index) => ({
        index,
        title: record.titles[index] ?? '',
        authors: record.authors[index] ?? '',
        repos: record.repos[index] ?? '',
      }));
      const fuse = new Fuse(items, {
        keys: [
          { name: 'title', weight: 3 },
          { name: 'authors', weight: 1 },
          { name: 'repos', weight: 1 },
        ],
        includeMatches: true,
        ignoreLocation: true,
        threshold: 0.45,
      });
      const ranked = fuse.search(query.text);
      for (const result of ranked) add(result.item.index, titleRanges(result.matches));
      // uFuzzy matched these but Fuse scored them out: keep them, after the ranked ones.
      for (const index of pool) add(index);
      return hits.slice(0, limit);
    },
  };
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

function titleRanges(matches: readonly FuseResultMatch[] | undefined): [number, number][] {
  const title = matches?.find((match) => match.key === 'title');
  return (title?.indices ?? [])
    .filter(([start, end]) => end - start >= 1)
    .map(([start, end]): [number, number] => [start, end + 1]);
}

function paperYear(paper: SearchFacts): number {
  // Validated timestamps are ISO strings (toISOString): the year is their start.
  if (paper.publishedAt) return Number(paper.publishedAt.slice(0, 4)) || 0;
  return arxivIdMonth(paper.arxivId)?.year ?? 0;
}

/** `2023-07` for a new-style arXiv id `2307.06948`: sorts with ISO dates. */
function arxivMonth(arxivId: string | undefined): string {
  const submitted = arxivIdMonth(arxivId);
  return submitted ? `${submitted.year}-${String(submitted.month).padStart(2, '0')}` : '';
}
