import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase, readSearchRecord } from '@/lib/db';
import { createAbstractMatcher } from '@/lib/abstract-index';
import { createSearcher } from '@/lib/search';

interface DatabaseFixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, object[]>;
}

/** Writes a saved database the way that version's code laid it out. */
async function materialise(fixture: DatabaseFixture, indexedDB: IDBFactory): Promise<void> {
  const old = new Dexie('paperpeek', { indexedDB, IDBKeyRange });
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut(rows);
  old.close();
}

describe.each(['v1'])('a database saved at schema %s', (name) => {
  const fixture = JSON.parse(
    readFileSync(new URL(`../fixtures/databases/${name}.json`, import.meta.url), 'utf8'),
  ) as DatabaseFixture;

  it('opens with the current code with every reading-list entry intact', async () => {
    const indexedDB = new IDBFactory();
    await materialise(fixture, indexedDB);
    const db = openDatabase('paperpeek', { indexedDB, IDBKeyRange });
    expect(await db.readingList.orderBy('paperId').toArray()).toEqual(
      [...(fixture.tables.readingList ?? [])].sort((a, b) =>
        String((a as { paperId: string }).paperId).localeCompare(
          (b as { paperId: string }).paperId,
        ),
      ),
    );
    expect(await db.papers.count()).toBe(fixture.tables.papers?.length);
    // Version 2 built the search record from the papers that were there.
    expect((await readSearchRecord(db, 'newest'))?.ids.length).toBe(2);
    const record = await readSearchRecord(db, 'search');
    expect(record?.ids.sort()).toEqual(['2005.14165', '2307.06948']);
    if (!record) throw new Error('no search record');
    expect(createSearcher(record, new Set()).search('few-shot')[0]?.id).toBe('2005.14165');
    // Version 4 built the abstract index for that same record.
    const match = createAbstractMatcher(
      (bucket) => db.abstractIndex.get(bucket),
      record.ids.length,
      record.stamp ?? 'missing',
    );
    const found = await match({ words: ['recent', 'work'], lastIsPrefix: false });
    expect(found.map((index) => record.ids[index])).toContain('2005.14165');
    db.close();
  });
});
