import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openDatabase,
  putMetaRows,
  readSearchRecord,
  searchRows,
  type PaperPeekDatabase,
} from '@/lib/db';
import { requestSearchRecord, withSearchAuthors } from '@/lib/search/popup-data';
import type { SearchRecord } from '@/lib/search/record';
import { columnValues } from '@/lib/search/text-column';
import { generatePapers } from '../../helpers/generate-papers';

/** A record with its columns as arrays, to compare two records. */
function plain(record: SearchRecord) {
  const { ids, titles, authors, repos, words } = record;
  return {
    ...record,
    words: words && { ...words, words: columnValues(words.words) },
    ids: columnValues(ids),
    titles: columnValues(titles),
    authors: authors && columnValues(authors),
    repos: columnValues(repos),
  };
}

const noWorker = () => Promise.reject(new Error('the worker is not asked here'));

describe('the search record asked for early', () => {
  let factory: IDBFactory;
  let db: PaperPeekDatabase;
  beforeEach(() => {
    factory = new IDBFactory();
    db = openDatabase('paperpeek', { indexedDB: factory, IDBKeyRange });
  });
  afterEach(() => db.close());

  it('is the record the worker wrote, with its word index; its authors come after', async () => {
    await putMetaRows(db.meta, searchRows(generatePapers(300), 'stamp-1'));
    const record = await requestSearchRecord(factory, 'paperpeek').take();
    const read = await readSearchRecord(db, 'search');
    if (!record || !read?.authors) throw new Error('no record');
    expect(record.authors).toBeUndefined();
    expect(plain(record)).toEqual({ ...plain(read), authors: undefined });
    expect(record.ids).toHaveLength(300);
    expect(record.words?.words.length).toBeGreaterThan(0);
    const withAuthors = await withSearchAuthors(db, { record, complete: true }, noWorker);
    expect(plain(withAuthors.record)).toEqual(plain(read));
    expect(withAuthors.record.authors?.at(0)).toMatch(/\w+ \w+/);
  });

  it('reads the whole record again when the digest changed before its authors were read', async () => {
    await putMetaRows(db.meta, searchRows(generatePapers(30), 'before'));
    const record = await requestSearchRecord(factory, 'paperpeek').take();
    if (!record) throw new Error('no record');
    await putMetaRows(db.meta, searchRows(generatePapers(40, 7), 'after'));
    const { record: current } = await withSearchAuthors(db, { record, complete: true }, noWorker);
    expect(current.stamp).toBe('after');
    expect(current.ids).toHaveLength(40);
    expect(current.authors).toHaveLength(40);
  });

  it('has its authors at once in a row written before they had a row of their own', async () => {
    const [search, , authors] = searchRows(generatePapers(20), 'older');
    if (search?.key !== 'search' || search.value.version !== 2) throw new Error('no search row');
    if (authors?.key !== 'search-authors') throw new Error('no authors row');
    await db.meta.put({
      key: 'search',
      value: { ...search.value, authors: authors.value.authors },
    });
    const record = await requestSearchRecord(factory, 'paperpeek').take();
    expect(record?.authors).toHaveLength(20);
    expect(record?.authors?.at(3)).toMatch(/\w+ \w+/);
  });

  it('is undefined before the worker wrote one (the popup then waits for it)', async () => {
    await db.open();
    expect(await requestSearchRecord(factory, 'paperpeek').take()).toBeUndefined();
  });

  it('creates no database when there is none yet, so the worker’s first open is a fresh one', async () => {
    db.close();
    const empty = new IDBFactory();
    expect(await requestSearchRecord(empty, 'paperpeek').take()).toBeUndefined();
    expect(await empty.databases()).toEqual([]);
  });

  it('can be taken later than it was asked for, after other reads', async () => {
    await putMetaRows(db.meta, searchRows(generatePapers(20), 'stamp-2'));
    const early = requestSearchRecord(factory, 'paperpeek');
    await readSearchRecord(db, 'newest');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await early.take())?.stamp).toBe('stamp-2');
  });

  it('never holds up an upgrade of the database (an update of PaperPeek)', async () => {
    await putMetaRows(db.meta, searchRows(generatePapers(20), 'stamp-3'));
    db.close();
    const early = requestSearchRecord(factory, 'paperpeek');
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = factory.open('paperpeek', 1_000);
      request.onupgradeneeded = () => undefined;
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the early read'));
    });
    expect(upgraded).toBe(1_000);
    // The read finished before the upgrade or gave way to it (the popup then reads through Dexie).
    const taken = await early.take().then(
      (record) => record?.stamp ?? 'nothing',
      () => 'gave way',
    );
    expect(['stamp-3', 'gave way']).toContain(taken);
  });
});
