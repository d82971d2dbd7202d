import { describe, expect, it } from 'vitest';
import { putMetaRows, readSearchRecord, searchRows } from '@/lib/db';
import { requestSearchRecord } from '@/lib/search/popup-data';
import { databasePerTest } from '../../helpers/db';
import { generatePapers } from '../../helpers/generate-papers';

describe('the search record asked for early', () => {
  const db = databasePerTest();

  it('is the record the worker wrote, with its word index', async () => {
    await putMetaRows(db.meta, searchRows(generatePapers(300), 'stamp-1'));
    const record = await requestSearchRecord(db).take();
    expect(record).toEqual(await readSearchRecord(db, 'search'));
    expect(record?.ids).toHaveLength(300);
    expect(record?.words?.words.length).toBeGreaterThan(0);
  });

  it('is undefined before the worker wrote one (the popup then waits for it)', async () => {
    expect(await requestSearchRecord(db).take()).toBeUndefined();
  });

  it('can be taken later than it was asked for, after other reads', async () => {
    await putMetaRows(db.meta, searchRows(generatePapers(20), 'stamp-2'));
    const early = requestSearchRecord(db);
    await readSearchRecord(db, 'newest');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await early.take())?.stamp).toBe('stamp-2');
  });
});
