import { describe, expect, it } from 'vitest';
import { loadDigest } from '@/lib/digest/load';
import {
  listEntries,
  removeEntry,
  restoreEntry,
  saveToReadingList,
  updateEntries,
  updateEntry,
} from '@/lib/reading-list/store';
import { databasePerTest } from '../../helpers/db';
import { digest, paper } from '../../helpers/digests';

describe('the reading list', () => {
  const db = databasePerTest();

  it('keeps an entry with notes and tags through remove and undo, exactly', async () => {
    await loadDigest(db, digest([paper()]), 'bundled');
    await saveToReadingList(db, '2005.14165', 5);
    await updateEntry(db, '2005.14165', { note: 'important', tags: ['llm'], status: 'read' }, 7);
    const before = await listEntries(db);
    const removed = await removeEntry(db, '2005.14165', 9);
    expect(await listEntries(db)).toEqual([]);
    if (!removed) throw new Error('nothing removed');
    expect(await db.readingListRemovals.toArray()).toEqual([
      { paperId: '2005.14165', removedAt: 9 },
    ]);
    await restoreEntry(db, removed, 11);
    // Exactly as before; for sync it is present again from the time of the undo.
    const [restored] = await listEntries(db);
    expect({ ...restored, clock: before[0]?.clock }).toEqual(before[0]);
    expect(restored?.clock).toEqual({ status: 7, tags: 7, note: 7, present: 11 });
    expect(await db.readingListRemovals.count()).toBe(0);
  });

  it('survives the paper leaving the digest', async () => {
    await loadDigest(db, digest([paper()]), 'bundled');
    await saveToReadingList(db, '2005.14165', 5);
    await loadDigest(db, digest([paper({ id: '2101.00001', arxivId: '2101.00001' })]), 'bundled');
    expect((await listEntries(db))[0]?.title).toBe('Language Models are Few-Shot Learners');
  });

  it('lists newest first and refuses to update an entry that is gone', async () => {
    await loadDigest(
      db,
      digest([paper(), paper({ id: '2101.00001', arxivId: '2101.00001', title: 'B' })]),
      'bundled',
    );
    await saveToReadingList(db, '2005.14165', 1);
    await saveToReadingList(db, '2101.00001', 2);
    expect((await listEntries(db)).map((e) => e.paperId)).toEqual(['2101.00001', '2005.14165']);
    await expect(updateEntry(db, 'nope', { note: 'x' })).rejects.toThrow(
      'no longer in your reading list',
    );
  });
});

describe('changing several entries at once', () => {
  const db = databasePerTest();

  it('marks the selected entries read in one go, with the time for sync, and skips removed ones', async () => {
    await loadDigest(
      db,
      digest([paper(), paper({ id: '2307.06948', arxivId: '2307.06948' })]),
      'bundled',
    );
    await saveToReadingList(db, '2005.14165', 5);
    await saveToReadingList(db, '2307.06948', 5);
    await updateEntry(db, '2307.06948', { status: 'read' }, 6);
    expect(
      await updateEntries(db, ['2005.14165', '2307.06948', 'gone'], { status: 'read' }, 9),
    ).toBe(2);
    const [first, second] = await db.readingList.bulkGet(['2005.14165', '2307.06948']);
    expect(first).toMatchObject({ status: 'read', clock: { status: 9 } });
    // Already read: its clock keeps the time it was really changed.
    expect(second).toMatchObject({ status: 'read', clock: { status: 6 } });
  });
});
