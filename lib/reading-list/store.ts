/**
 * Reading-list operations, shared by the worker (saving from a card or the context menu) and
 * the popup (same origin: it opens the database itself). Owns: every write to `readingList`.
 * Never: overwrites an entry's notes, tags or status when a paper is saved again.
 */
import type { PaperPeekDatabase, ReadingListEntry } from '../db';
import { ProtocolRequestError } from '../protocol-client';
import { entryFromPaper } from './entry';

/** Adds a digest paper; an entry already there is left exactly as it is. */
export async function saveToReadingList(
  db: PaperPeekDatabase,
  paperId: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.papers, db.readingList, async () => {
    if (await db.readingList.get(paperId)) return;
    const row = await db.papers.get(paperId);
    if (!row) {
      throw new ProtocolRequestError({
        code: 'not-found',
        message: 'This paper is no longer in your digest, so it cannot be saved from here.',
      });
    }
    const { sourceId: _sourceId, ...paper } = row;
    await db.readingList.add(entryFromPaper(paper, now));
  });
}

export type EntryChanges = Partial<Pick<ReadingListEntry, 'status' | 'note' | 'tags'>>;

export async function updateEntry(
  db: PaperPeekDatabase,
  paperId: string,
  changes: EntryChanges,
): Promise<void> {
  const updated = await db.readingList.update(paperId, changes);
  if (updated === 0) throw new Error('This entry is no longer in your reading list.');
}

/** Removes an entry and returns it whole, for an Undo that restores notes and tags too. */
export async function removeEntry(
  db: PaperPeekDatabase,
  paperId: string,
): Promise<ReadingListEntry | undefined> {
  return db.transaction('rw', db.readingList, async () => {
    const entry = await db.readingList.get(paperId);
    if (entry) await db.readingList.delete(paperId);
    return entry;
  });
}

export async function restoreEntry(db: PaperPeekDatabase, entry: ReadingListEntry): Promise<void> {
  await db.readingList.put(entry);
}

/** Newest first. */
export async function listEntries(db: PaperPeekDatabase): Promise<ReadingListEntry[]> {
  return db.readingList.orderBy('addedAt').reverse().toArray();
}
