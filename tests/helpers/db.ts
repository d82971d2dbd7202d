import { afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase, type PaperPeekDatabase } from '@/lib/db';

/** A fresh database on its own fake IndexedDB: tests never share state. */
export function freshDatabase(): PaperPeekDatabase {
  return openDatabase('paperpeek-test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every row of every table, for byte-for-byte before/after comparisons. */
export async function snapshot(db: PaperPeekDatabase): Promise<string> {
  return JSON.stringify({
    papers: await db.papers.orderBy('id').toArray(),
    readingList: await db.readingList.orderBy('paperId').toArray(),
  });
}

/** A database emptied after every test of the calling `describe`. */
export function databasePerTest(): PaperPeekDatabase {
  const db = freshDatabase();
  afterEach(async () => {
    await db.delete();
    await db.open();
  });
  return db;
}
