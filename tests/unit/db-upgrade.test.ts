import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { papersWithAbstractWords } from '../helpers/abstract-search';
import { describe, expect, it } from 'vitest';
import { openDatabase, readSearchRecord } from '@/lib/db';
import { createSearcher } from '@/lib/search/searcher';
import { countPapers, papersWithVenues } from '@/lib/digest/shelves';
import { paper } from '../helpers/digests';
import { storedPapers } from '../helpers/db';

interface DatabaseFixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, object[]>;
}

/** JSON has no typed arrays: fixtures keep them as {"$typed": "Uint32Array", "values": [...]}. */
function revive(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$typed' in value) {
    const { $typed, values } = value as { $typed: string; values: number[] };
    if ($typed === 'Uint32Array') return Uint32Array.from(values);
    if ($typed === 'Uint16Array') return Uint16Array.from(values);
    throw new Error(`fixture: unknown typed array ${$typed}`);
  }
  return value;
}

/** Writes a saved database the way that version's code laid it out. */
async function materialise(fixture: DatabaseFixture, indexedDB: IDBFactory): Promise<void> {
  const old = new Dexie('paperpeek', { indexedDB, IDBKeyRange });
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut(rows);
  old.close();
}

const byPaperId = (rows: object[] = []) =>
  [...rows].sort((a, b) =>
    String((a as { paperId: string }).paperId).localeCompare((b as { paperId: string }).paperId),
  );

// v1 was written by hand from the first release's stores; v2 to v5 were made by the code of
// each version (scripts/make-db-fixture.ts).
describe.each(['v1', 'v2', 'v3', 'v4', 'v5'])('a database saved at schema %s', (name) => {
  const fixture = JSON.parse(
    readFileSync(new URL(`../fixtures/databases/${name}.json`, import.meta.url), 'utf8'),
    revive,
  ) as DatabaseFixture;

  it('opens with the current code with every reading-list entry and removal intact', async () => {
    const indexedDB = new IDBFactory();
    await materialise(fixture, indexedDB);
    const db = openDatabase('paperpeek', { indexedDB, IDBKeyRange });
    expect(await db.readingList.orderBy('paperId').toArray()).toEqual(
      byPaperId(fixture.tables.readingList),
    );
    expect(fixture.tables.readingList?.length).toBeGreaterThan(0);
    expect(await db.readingListRemovals.orderBy('paperId').toArray()).toEqual(
      byPaperId(fixture.tables.readingListRemovals),
    );
    // Every paper moved to the shelves of version 8 unchanged.
    expect(await storedPapers(db)).toEqual(
      [...(fixture.tables.papers ?? [])].sort((a, b) =>
        String((a as { id: string }).id).localeCompare((b as { id: string }).id),
      ),
    );
    expect(await countPapers(db)).toBe(fixture.tables.papers?.length);
    db.close();
  });

  it('searches titles and abstracts after the upgrade', async () => {
    const indexedDB = new IDBFactory();
    await materialise(fixture, indexedDB);
    const db = openDatabase('paperpeek', { indexedDB, IDBKeyRange });
    const papers = fixture.tables.papers?.length ?? 0;
    expect((await readSearchRecord(db, 'newest'))?.ids.length).toBe(papers);
    const record = await readSearchRecord(db, 'search');
    if (!record) throw new Error('no search record');
    expect(record.ids.length).toBe(papers);
    expect(createSearcher(record, new Set()).search('few-shot')[0]?.id).toBe('2005.14165');
    // Version 4 built the abstract index for that same record (or the fixture carries one).
    const found = await papersWithAbstractWords(
      (bucket) => db.abstractIndex.get(bucket),
      record.stamp ?? 'missing',
      record.ids.length,
      'recent work ',
    );
    expect(found.map((index) => record.ids.at(index))).toContain('2005.14165');
    db.close();
  });
});

describe('a database saved at schema v9 (shelves without venue keys)', () => {
  it('indexes the venue keys of the papers already stored', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('paperpeek', { indexedDB, IDBKeyRange });
    // Version 9's stores, as openDatabase declared them.
    old.version(9).stores({
      readingList: 'paperId, addedAt, status, *tags',
      sources: 'id',
      meta: 'key',
      readingListRemovals: 'paperId',
      abstractIndex: 'bucket',
      arxivLookups: 'id',
      paperDetails: 'id',
      shelves: 'key, *ids, *repos',
    });
    await old.open();
    const bert = {
      ...paper({ id: '1810.04805', arxivId: '1810.04805', doi: '10.18653/v1/n19-1423' }),
      sourceId: 'bundled',
    };
    const vit = {
      ...paper({ id: '2010.11929', arxivId: '2010.11929' }),
      links: ['https://openreview.net/forum?id=YicbFdNTTy'],
      sourceId: 'bundled',
    };
    await old.table('shelves').put({
      key: 'v8-0',
      ids: [bert.id, vit.id],
      repos: [],
      papers: [bert, vit],
    });
    old.close();

    const db = openDatabase('paperpeek', { indexedDB, IDBKeyRange });
    expect((await papersWithVenues(db, ['acl:N19-1423'])).map((row) => row.id)).toEqual([
      '1810.04805',
    ]);
    expect((await papersWithVenues(db, ['openreview:YicbFdNTTy'])).map((row) => row.id)).toEqual([
      '2010.11929',
    ]);
    expect(await storedPapers(db)).toEqual([bert, vit]);
    db.close();
  });
});
