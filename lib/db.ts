/**
 * The IndexedDB schema (Dexie). Owns: tables, indexes, versions and upgrades, all in this file.
 * Only the background worker and extension pages open it: a content script's IndexedDB would be
 * the web page's. Primary keys are chosen once (Dexie cannot change them): a paper's `id` is the
 * arXiv id without version or a slug; `readingList.paperId` is that same id. Papers live on
 * shelves of many papers each (digest/shelves.ts).
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { DETAIL_FIELDS, Paper } from './digest/schema';
import type { SourceState } from './sources/source';
import type { AbstractIndexTableRow } from './search/abstract-index';
import { buildAbstractIndex, rowsInPuts } from './search/abstract-index-builder';
import {
  buildSearchRecord,
  newestRecord,
  packSearchRecord,
  unpackSearchRecord,
  type SearchFacts,
  type SearchRecord,
  type StoredSearchRecord,
} from './search/record';
import { packedColumn, type PackedStrings, type TextColumn } from './search/text-column';
import { unpackWordIndex, type StoredWordIndex } from './search/word-index';
import { venueKeysOf } from './links/venue';

export interface PaperRow extends Paper {
  /** The source that last wrote this row (`bundled`, later `hf-daily`, `import`, ...). */
  sourceId: string;
}

/** Papers per shelf (why shelves: digest/shelves.ts). */
export const SHELF_SIZE = 50;

export interface PaperShelf {
  /** Unique; made by whoever writes the shelf (an apply's stamp and a number). */
  key: string;
  /** The ids of `papers`, in the same order (the index papers are found by). */
  ids: string[];
  /** Every repo of `papers` (the index papers are found by repo). */
  repos: string[];
  /** Every venue key of `papers` (`doi:...`, `openreview:...`: links/venue.ts). */
  venues: string[];
  papers: PaperRow[];
}

/** A shelf holding `papers` (the indexes' lists made from them). */
export function shelfOf(key: string, papers: PaperRow[]): PaperShelf {
  return {
    key,
    ids: papers.map((paper) => paper.id),
    repos: [...new Set(papers.flatMap((paper) => paper.repos))],
    venues: [...new Set(papers.flatMap((paper) => venueKeysOf(paper)))],
    papers,
  };
}

/** `papers` on new shelves, SHELF_SIZE to a shelf, keyed `<prefix>-<n>`. */
export function shelvesFor(prefix: string, papers: readonly PaperRow[]): PaperShelf[] {
  const shelves: PaperShelf[] = [];
  for (let start = 0; start < papers.length; start += SHELF_SIZE) {
    shelves.push(shelfOf(`${prefix}-${shelves.length}`, papers.slice(start, start + SHELF_SIZE)));
  }
  return shelves;
}

/**
 * User data. Each entry keeps its own copy of the paper so it survives the paper leaving the
 * digest; no digest load ever writes this table.
 */
export interface ReadingListEntry {
  paperId: string;
  arxivId?: string;
  title: string;
  authors: string[];
  repos: string[];
  links: string[];
  addedAt: number;
  status: 'unread' | 'read';
  tags: string[];
  note: string;
  /**
   * When each part was last set, on any device (for sync: the later edit wins). Absent parts
   * date from `addedAt`.
   */
  clock?: Partial<EntryClock>;
}

export interface EntryClock {
  /** The last add or restore: the entry is present when this is after its last removal. */
  present: number;
  status: number;
  tags: number;
  note: number;
}

/** What the arXiv API said about a paper no digest had: a cache, so each is asked once. */
export interface ArxivLookupRow {
  id: string;
  /** Absent when arXiv does not know the id. */
  paper?: Paper;
  primaryCategory?: string;
  /**
   * A venue look-up (`id` is then the venue key, or the id of the paper it found) that found a
   * paper with no abstract to show: its title.
   */
  titleOnly?: string;
  fetchedAt: number;
}

/**
 * What arXiv said about a digest paper that lacked authors or dates (`found: false` when arXiv
 * does not know the id): asked once, kept across digest reloads (lib/sources/paper-details.ts).
 */
export type PaperDetailsRow = Partial<Pick<Paper, (typeof DETAIL_FIELDS)[number]>> & {
  id: string;
  fetchedAt: number;
  found: boolean;
};

/** A removed entry, remembered so that sync can carry the removal to the user's other browsers. */
export interface ReadingListRemoval {
  paperId: string;
  removedAt: number;
}

/** The word index of the search record with the same stamp, stored as a row of its own. */
export interface StoredWordsRow {
  version: 'words';
  stamp?: string;
  words: StoredWordIndex;
}

/** The authors column of the search record with the same stamp, stored as a row of its own. */
export interface StoredAuthorsRow {
  version: 'authors';
  stamp?: string;
  authors: PackedStrings;
}

/**
 * Derived records keyed by name: `search` is the popup's packed search record, `search-words`
 * its word index, `search-authors` its authors (read by the popup once search is ready),
 * `newest` the same record for the newest papers only (a small row the popup shows while
 * `search` loads).
 */
export type MetaRow =
  | {
      key: 'search' | 'newest';
      /** Rows written before packing hold the plain form; `unpackSearchRecord` reads both. */
      value: SearchRecord | StoredSearchRecord;
    }
  | { key: 'search-words'; value: StoredWordsRow }
  | { key: 'search-authors'; value: StoredAuthorsRow };

/** Both search rows for a set of papers; written with the papers, in the same transaction. */
export function searchRows(papers: readonly SearchFacts[], stamp?: string): MetaRow[] {
  return searchRowsOf(buildSearchRecord(papers, stamp));
}

/**
 * The rows of a search record. The word index is a row of its own: IndexedDB clones each value
 * synchronously when it is put, and one row of 45 MB at 100,000 papers stalled the worker for
 * longer than two rows do. The authors are a row of their own so that the popup reads them
 * after its search is ready: its reading time follows the bytes. Write them with `putMetaRows`,
 * one put each.
 */
export function searchRowsOf(
  record: SearchRecord,
  stored: StoredSearchRecord = packSearchRecord(record),
): MetaRow[] {
  const { words, authors, ...rest } = stored;
  const { stamp } = stored;
  return [
    { key: 'search', value: rest },
    ...(words
      ? [{ key: 'search-words' as const, value: { version: 'words' as const, stamp, words } }]
      : []),
    ...(authors
      ? [
          {
            key: 'search-authors' as const,
            value: { version: 'authors' as const, stamp, authors },
          },
        ]
      : []),
    { key: 'newest', value: newestRecord(record) },
  ];
}

/** Puts each row on its own, so that their clones are separate tasks of the worker. */
export async function putMetaRows(meta: PaperPeekDatabase['meta'], rows: MetaRow[]): Promise<void> {
  for (const row of rows) await meta.put(row);
}

/** The search record stored under `key`, unpacked, or undefined when there is none yet. */
export async function readSearchRecord(
  db: PaperPeekDatabase,
  key: 'search' | 'newest',
): Promise<SearchRecord | undefined> {
  const [row, wordsRow, authorsRow] = await db.meta.bulkGet(
    key === 'search' ? [key, 'search-words', 'search-authors'] : [key],
  );
  return searchRecordOfRows(row, wordsRow, authorsRow);
}

/**
 * The authors of the search record stamped `stamp`, or undefined when the stored ones belong to
 * another record (the digest changed since that record was read) or there are none.
 */
export async function readSearchAuthors(
  db: PaperPeekDatabase,
  stamp: string | undefined,
): Promise<TextColumn | undefined> {
  const row = await db.meta.get('search-authors');
  return row?.key === 'search-authors' && row.value.stamp === stamp
    ? packedColumn(row.value.authors)
    : undefined;
}

/** The record of a `search` (or `newest`) row and the `search-words` and `search-authors` rows read with it. */
export function searchRecordOfRows(
  row: MetaRow | undefined,
  wordsRow: MetaRow | undefined,
  authorsRow?: MetaRow,
): SearchRecord | undefined {
  if (!row || (row.key !== 'search' && row.key !== 'newest')) return undefined;
  const record = unpackSearchRecord(row.value);
  // A word index or authors written for another record (an older digest) would name the wrong
  // papers.
  if (!record.words && wordsRow?.key === 'search-words' && wordsRow.value.stamp === record.stamp) {
    record.words = unpackWordIndex(wordsRow.value.words);
  }
  if (
    !record.authors &&
    authorsRow?.key === 'search-authors' &&
    authorsRow.value.stamp === record.stamp
  ) {
    record.authors = packedColumn(authorsRow.value.authors);
  }
  return record;
}

/**
 * Rewrites everything derived from the papers (search record, abstract index) from `papers`, in
 * the caller's transaction: the postings index that same array, as the record does.
 */
export async function writeDerivedRows(
  meta: PaperPeekDatabase['meta'],
  abstractIndex: PaperPeekDatabase['abstractIndex'],
  papers: PaperRow[],
): Promise<void> {
  const stamp = crypto.randomUUID();
  await putMetaRows(meta, searchRows(papers, stamp));
  await abstractIndex.clear();
  const rows = buildAbstractIndex(
    papers.map((paper) => paper.abstract),
    stamp,
  );
  for (const put of rowsInPuts(rows)) await abstractIndex.bulkPut(put);
}

/** Rows read or written per step when a job goes through many (ids, details). */
export const READ_CHUNK = 2_000;

export const DATABASE_NAME = 'paperpeek';

export type PaperPeekDatabase = Dexie & {
  shelves: EntityTable<PaperShelf, 'key'>;
  readingList: EntityTable<ReadingListEntry, 'paperId'>;
  sources: EntityTable<SourceState, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  readingListRemovals: EntityTable<ReadingListRemoval, 'paperId'>;
  abstractIndex: EntityTable<AbstractIndexTableRow, 'bucket'>;
  arxivLookups: EntityTable<ArxivLookupRow, 'id'>;
  paperDetails: EntityTable<PaperDetailsRow, 'id'>;
};

export function openDatabase(
  name: string = DATABASE_NAME,
  options?: DexieOptions,
): PaperPeekDatabase {
  const db = new Dexie(name, options) as PaperPeekDatabase;
  // No liveQuery anywhere (pages ask the worker, or read once): Dexie's change tracking only
  // cost time, and after a 100,000-paper import it broadcast every changed key to every open
  // extension page (a 250 ms stall of the worker cloning them).
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  db.version(1).stores({
    papers: 'id, *repos, publishedAt, sourceId',
    readingList: 'paperId, addedAt, status, *tags',
    sources: 'id',
  });
  // 2: the packed search record, so the popup opens without reading every paper.
  db.version(2)
    .stores({ meta: 'key' })
    .upgrade(async (tx) => {
      const papers = await tx.table<PaperRow>('papers').toArray();
      await tx.table<MetaRow>('meta').bulkPut(searchRows(papers));
    });
  // 3: removals, so that reading-list sync can tell a removed entry from one never synced.
  db.version(3).stores({ readingListRemovals: 'paperId' });
  // 4: the abstract word index, so that search finds words of abstracts.
  db.version(4)
    .stores({ abstractIndex: 'bucket' })
    .upgrade(async (tx) => {
      const papers = await tx.table<PaperRow>('papers').toArray();
      await writeDerivedRows(tx.table('meta'), tx.table('abstractIndex'), papers);
    });
  // 5: answers of the arXiv API, for papers no digest has.
  db.version(5).stores({ arxivLookups: 'id' });
  // 6: search by words: the record's word index, and abstract words cut as titles' are, with
  // their vocabulary (for typos).
  db.version(6).upgrade(async (tx) => {
    const papers = await tx.table<PaperRow>('papers').toArray();
    await writeDerivedRows(tx.table('meta'), tx.table('abstractIndex'), papers);
  });
  // 7: what arXiv said about digest papers that lack authors or dates (kept across reloads).
  db.version(7).stores({ paperDetails: 'id' });
  // 8: papers on shelves of many (a row per paper made writing 100,000 papers take 10-18 s).
  // The next version drops `papers`: this one still has it, to move its rows.
  db.version(8)
    .stores({ shelves: 'key, *ids, *repos' })
    .upgrade(async (tx) => {
      const papers = await tx.table<PaperRow>('papers').toArray();
      await tx.table<PaperShelf>('shelves').bulkPut(shelvesFor('v8', papers));
    });
  db.version(9).stores({ papers: null });
  // 10: papers found by their venue pages (OpenReview, ACL Anthology, DOIs, ...).
  db.version(10)
    .stores({ shelves: 'key, *ids, *repos, *venues' })
    .upgrade(async (tx) => {
      await tx
        .table<PaperShelf>('shelves')
        .toCollection()
        .modify((shelf) => {
          shelf.venues = shelfOf(shelf.key, shelf.papers).venues;
        });
    });
  return db;
}
