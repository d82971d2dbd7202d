import { describe, expect, it } from 'vitest';
import { loadDigest } from '@/lib/digest/load';
import {
  listEntries,
  removeEntry,
  restoreEntry,
  saveToReadingList,
  updateEntry,
} from '@/lib/reading-list/store';
import { databasePerTest } from '../helpers/db';
import { digest, paper } from '../helpers/digests';

describe('the reading list', () => {
  const db = databasePerTest();

  it('keeps an entry with notes and tags through remove and undo, exactly', async () => {
    await loadDigest(db, digest([paper()]), 'bundled');
    await saveToReadingList(db, '2005.14165', 5);
    await updateEntry(db, '2005.14165', { note: 'important', tags: ['llm'], status: 'read' });
    const before = await listEntries(db);
    const removed = await removeEntry(db, '2005.14165');
    expect(await listEntries(db)).toEqual([]);
    if (!removed) throw new Error('nothing removed');
    await restoreEntry(db, removed);
    expect(await listEntries(db)).toEqual(before);
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
