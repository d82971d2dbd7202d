/**
 * The search record: what the popup loads instead of the paper rows (one string per paper and a
 * few facts), how the worker builds it in steps, and how it is packed for IndexedDB. Never: holds
 * abstracts (they are in the abstract index) or reads the database.
 */
import type { Paper } from '../digest/schema';
import { arxivIdMonth } from '../links/arxiv-id';
import {
  packPostingsSteps,
  packWordIndex,
  PostingsBuilder,
  titleSideText,
  unpackWordIndex,
  type StoredWordIndex,
  type WordIndex,
} from './word-index';
import { packedColumn, packStrings, type PackedStrings, type TextColumn } from './text-column';
import {
  packTokenColumn,
  packTokenColumnSteps,
  tokenColumn,
  type StoredTokenColumn,
} from './token-column';
import { inSteps, runToEnd } from './steps';
import { textWords } from './words';

/** What the popup loads instead of the rows: one string per paper and a few facts. */
export interface SearchRecord {
  version: 1;
  ids: TextColumn;
  titles: TextColumn;
  /**
   * Authors joined with ", ". Absent while the popup has not read them yet: they are a row of
   * their own (7 MB at 100,000 papers), read once search is ready. Until then a paper is found
   * by its authors' names through `words`, but the `author:` filter waits for them.
   */
  authors?: TextColumn;
  /** Repos joined with " ". */
  repos: TextColumn;
  /**
   * Publication year, or 0 when unknown. Read back as stored (a typed array): copying 100,000
   * numbers into an array took the popup 5-14 ms.
   */
  years: readonly number[] | Uint16Array;
  /** Indexes into the columns, newest paper first (a typed array when read back). */
  newest: readonly number[] | Uint32Array;
  /**
   * Papers in the whole database, also in the `newest` excerpt: the worker's status reads it
   * instead of counting rows (a count walks every row and holds up the popup's reads). Absent in
   * records written before it existed.
   */
  paperCount?: number;
  /** Names this record; the abstract index rows written with it carry the same stamp. */
  stamp?: string;
  /**
   * The words of titles, authors and repos and their papers. Absent in records written before it
   * existed and in the small `newest` record: the searcher then builds it itself.
   */
  words?: WordIndex;
}

/** What the search record needs of a paper. */
export type SearchFacts = Pick<
  Paper,
  'id' | 'title' | 'authors' | 'repos' | 'publishedAt' | 'arxivId'
>;

export function buildSearchRecord(papers: readonly SearchFacts[], stamp?: string): SearchRecord {
  return runToEnd(searchRecordSteps(papers, stamp));
}

/** The same record, built in steps of about 20 ms with `pause` between them (for the worker). */
export async function buildSearchRecordInSteps(
  papers: readonly SearchFacts[],
  stamp: string,
  pause: () => Promise<void>,
): Promise<SearchRecord> {
  return inSteps(searchRecordSteps(papers, stamp), pause);
}

const RECORD_STEP = 2_500;

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
  const words = new PostingsBuilder();
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
      words.add(
        index,
        textWords(titleSideText(paper.title, authors[index] as string, repos[index] as string)),
      );
    }
    yield;
  }
  sortKeys.sort().reverse();
  yield;
  const sortedWords = [...words.words()].sort();
  yield;
  const wordIndex = yield* packPostingsSteps(words, sortedWords);
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
    words: wordIndex,
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
  /** A token column; packed strings in rows written before (both are read). */
  titles: StoredTokenColumn | PackedStrings;
  /** Absent in rows written since the authors have a row of their own (`search-authors`). */
  authors?: PackedStrings;
  repos: PackedStrings;
  years: Uint16Array;
  newest: Uint32Array;
  paperCount: number;
  stamp?: string;
  words?: StoredWordIndex;
}

export function packSearchRecord(record: SearchRecord): StoredSearchRecord {
  return {
    version: 2,
    ids: packStrings(record.ids),
    titles: packTokenColumn(record.titles),
    ...(record.authors ? { authors: packStrings(record.authors) } : {}),
    repos: packStrings(record.repos),
    years: Uint16Array.from(record.years),
    newest: Uint32Array.from(record.newest),
    paperCount: record.paperCount ?? record.ids.length,
    ...(record.stamp ? { stamp: record.stamp } : {}),
    ...(record.words ? { words: packWordIndex(record.words) } : {}),
  };
}

/** The same packing, a column at a time with `pause` between them (for the worker). */
export async function packSearchRecordInSteps(
  record: SearchRecord,
  pause: () => Promise<void>,
): Promise<StoredSearchRecord> {
  const column = async (values: TextColumn) => {
    const packed = packStrings(values);
    await pause();
    return packed;
  };
  return {
    version: 2,
    ids: await column(record.ids),
    titles: await inSteps(packTokenColumnSteps(record.titles), pause),
    ...(record.authors ? { authors: await column(record.authors) } : {}),
    repos: await column(record.repos),
    years: Uint16Array.from(record.years),
    newest: Uint32Array.from(record.newest),
    paperCount: record.paperCount ?? record.ids.length,
    ...(record.stamp ? { stamp: record.stamp } : {}),
    ...(record.words ? { words: packWordIndex(record.words) } : {}),
  };
}

/**
 * A stored record in either form (version 1 rows predate packing). Its columns are read in place
 * (`packedColumn`): the popup's search is ready without cutting them into 400,000 strings.
 */
export function unpackSearchRecord(stored: SearchRecord | StoredSearchRecord): SearchRecord {
  if (stored.version === 1) return stored;
  return {
    version: 1,
    ids: packedColumn(stored.ids),
    titles: 'codes' in stored.titles ? tokenColumn(stored.titles) : packedColumn(stored.titles),
    ...(stored.authors ? { authors: packedColumn(stored.authors) } : {}),
    repos: packedColumn(stored.repos),
    years: stored.years,
    newest: stored.newest,
    paperCount: stored.paperCount,
    ...(stored.stamp ? { stamp: stored.stamp } : {}),
    ...(stored.words ? { words: unpackWordIndex(stored.words) } : {}),
  };
}

/** The newest `count` papers as a record of their own: what the popup shows before anything else. */
export function newestRecord(record: SearchRecord, count = 30): SearchRecord {
  const picked = Array.from(record.newest.slice(0, count));
  const take = (values: TextColumn) => picked.map((index) => values.at(index) ?? '');
  return {
    version: 1,
    ids: take(record.ids),
    titles: take(record.titles),
    authors: take(record.authors ?? []),
    repos: take(record.repos),
    years: picked.map((index) => record.years[index] ?? 0),
    newest: picked.map((_, index) => index),
    paperCount: record.ids.length,
  };
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
