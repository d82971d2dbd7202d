/**
 * Reading-list operations, shared by the worker (saving from a card or the context menu) and
 * the popup (same origin: it opens the database itself). Owns: every write to `readingList`,
 * with the time of each change (sync merges by it) and a removal record for each removal.
 * Never: overwrites an entry's notes, tags or status when a paper is saved again.
 */
import type { PaperPeekDatabase, PaperRow, ReadingListEntry } from '../db';
import { getPaperRow } from '../digest/shelves';
import type { Paper } from '../digest/schema';
import { ProtocolRequestError } from '../protocol/errors';
import { entryFromPaper } from './entry';

/**
 * Adds a paper of the digest (or one looked up on arXiv for a card); an entry already there is
 * left exactly as it is.
 */
export async function saveToReadingList(
  db: PaperPeekDatabase,
  paperId: string,
  now: number,
): Promise<void> {
  const tables = [db.shelves, db.arxivLookups, db.readingList, db.readingListRemovals];
  await db.transaction('rw', tables, async () => {
    if (await db.readingList.get(paperId)) return;
    const row = await getPaperRow(db, paperId);
    const paper = row ? withoutSource(row) : (await db.arxivLookups.get(paperId))?.paper;
    if (!paper) {
      throw new ProtocolRequestError({
        code: 'not-found',
        message: 'This paper is no longer in your digest, so it cannot be saved from here.',
      });
    }
    await db.readingList.add(entryFromPaper(paper, now));
    await db.readingListRemovals.delete(paperId);
  });
}

export type EntryChanges = Partial<Pick<ReadingListEntry, 'status' | 'note' | 'tags'>>;

export async function updateEntry(
  db: PaperPeekDatabase,
  paperId: string,
  changes: EntryChanges,
  now: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.readingList, async () => {
    const entry = await db.readingList.get(paperId);
    if (!entry) throw new Error('This entry is no longer in your reading list.');
    await db.readingList.put(withChanges(entry, changes, now));
  });
}

/**
 * The same change to several entries, in one transaction (all or none); entries removed
 * meanwhile are skipped. Returns how many changed.
 */
export async function updateEntries(
  db: PaperPeekDatabase,
  paperIds: readonly string[],
  changes: EntryChanges,
  now: number = Date.now(),
): Promise<number> {
  return db.transaction('rw', db.readingList, async () => {
    const entries = (await db.readingList.bulkGet([...paperIds])).filter(
      (entry): entry is ReadingListEntry => entry !== undefined,
    );
    await db.readingList.bulkPut(entries.map((entry) => withChanges(entry, changes, now)));
    return entries.length;
  });
}

/** The entry with `changes`, each changed field's clock set to `now` (sync merges by it). */
function withChanges(
  entry: ReadingListEntry,
  changes: EntryChanges,
  now: number,
): ReadingListEntry {
  const clock = { ...entry.clock };
  for (const field of ['status', 'tags', 'note'] as const) {
    if (field in changes && JSON.stringify(changes[field]) !== JSON.stringify(entry[field])) {
      clock[field] = now;
    }
  }
  return { ...entry, ...changes, clock };
}

/** Removes an entry and returns it whole, for an Undo that restores notes and tags too. */
export async function removeEntry(
  db: PaperPeekDatabase,
  paperId: string,
  now: number = Date.now(),
): Promise<ReadingListEntry | undefined> {
  return db.transaction('rw', db.readingList, db.readingListRemovals, async () => {
    const entry = await db.readingList.get(paperId);
    if (entry) {
      await db.readingList.delete(paperId);
      await db.readingListRemovals.put({ paperId, removedAt: now });
    }
    return entry;
  });
}

/** How long after a save the card's Undo may take the entry back out. */
export const UNDO_SAVE_MS = 10 * 60_000;

/**
 * Undo of a save from a card: removes the entry only while it is still as the save made it (no
 * note, no tags, unread) and recent, so a card can never take away anything the user wrote.
 * Returns whether it removed the entry; throws a sentence for the user when it may not.
 */
export async function undoSave(
  db: PaperPeekDatabase,
  paperId: string,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.readingList, db.readingListRemovals, async () => {
    const entry = await db.readingList.get(paperId);
    if (!entry) return false;
    const untouched = entry.note === '' && entry.tags.length === 0 && entry.status === 'unread';
    if (!untouched || now - entry.addedAt > UNDO_SAVE_MS) {
      throw new ProtocolRequestError({
        code: 'forbidden',
        message: 'This entry has changed since it was saved: remove it from the reading list.',
      });
    }
    await db.readingList.delete(paperId);
    await db.readingListRemovals.put({ paperId, removedAt: now });
    return true;
  });
}

/** Puts a removed entry back whole; it counts as added again now, so sync brings it back too. */
export async function restoreEntry(
  db: PaperPeekDatabase,
  entry: ReadingListEntry,
  now: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.readingList, db.readingListRemovals, async () => {
    await db.readingList.put({ ...entry, clock: { ...entry.clock, present: now } });
    await db.readingListRemovals.delete(entry.paperId);
  });
}

/** Newest first. */
export async function listEntries(db: PaperPeekDatabase): Promise<ReadingListEntry[]> {
  return db.readingList.orderBy('addedAt').reverse().toArray();
}

function withoutSource(row: PaperRow): Paper {
  const { sourceId: _sourceId, ...paper } = row;
  return paper;
}
