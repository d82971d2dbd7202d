import { afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase, shelvesFor, type PaperPeekDatabase, type PaperRow } from '@/lib/db';
import { changePaperRows, forEachStoredChunk } from '@/lib/digest/shelves';

/** A fresh database on its own fake IndexedDB: tests never share state. */
export function freshDatabase(): PaperPeekDatabase {
  return openDatabase('paperpeek-test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** Every row of every table, for byte-for-byte before/after comparisons. */
export async function snapshot(db: PaperPeekDatabase): Promise<string> {
  return JSON.stringify({
    papers: await storedPapers(db),
    readingList: await db.readingList.orderBy('paperId').toArray(),
  });
}

/** Every stored paper, by id. */
export async function storedPapers(db: PaperPeekDatabase): Promise<PaperRow[]> {
  const rows: PaperRow[] = [];
  await forEachStoredChunk(db, async (chunk) => {
    rows.push(...chunk);
  });
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The ids of every stored paper, sorted. */
export async function storedIds(db: PaperPeekDatabase): Promise<string[]> {
  return (await storedPapers(db)).map((row) => row.id);
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

/**
 * Stores `rows` as a test sets the scene: a paper already stored is replaced where it is, the
 * others go on new shelves (a digest is written by `applyPapers`).
 */
export async function putPaperRows(
  db: PaperPeekDatabase,
  rows: readonly PaperRow[],
): Promise<void> {
  await db.transaction('rw', db.shelves, async () => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    const placed = new Set<string>();
    await changePaperRows(db, [...byId.keys()], (stored) => {
      placed.add(stored.id);
      return byId.get(stored.id) ?? stored;
    });
    const fresh = [...byId.values()].filter((row) => !placed.has(row.id));
    await db.shelves.bulkPut(shelvesFor(crypto.randomUUID(), fresh));
  });
}
