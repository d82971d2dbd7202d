/**
 * Importing a reading-list backup (the JSON export). Owns: validating the untrusted file and
 * merging it by paper id in one transaction. Never: deletes an entry or drops a local note or
 * tag; a file with any problem changes nothing.
 */
import type { PaperPeekDatabase, ReadingListEntry } from '../db';
import { readHttpUrl } from '../digest/schema';
import { canonicalArxivId } from '../links/arxiv-id';
import { parseRepoSlug } from '../links/github';
import { normaliseText } from '../text/normalise';
import { BACKUP_FORMAT } from './export';

export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  | { ok: false; problems: string[] };

const MAX_ENTRIES = 50_000;

export function parseBackup(
  text: string,
): { entries: ReadingListEntry[] } | { problems: string[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return {
      problems: ['This file is not JSON. Choose a file exported by PaperPeek ("JSON backup").'],
    };
  }
  const record = document as { format?: unknown; version?: unknown; entries?: unknown };
  if (typeof document !== 'object' || document === null || record.format !== BACKUP_FORMAT) {
    return {
      problems: [`This is not a PaperPeek reading-list backup (format "${BACKUP_FORMAT}").`],
    };
  }
  if (record.version !== 1)
    return { problems: ['This backup is from a newer PaperPeek: version not supported.'] };
  if (!Array.isArray(record.entries) || record.entries.length > MAX_ENTRIES) {
    return { problems: [`entries: expected a list of at most ${MAX_ENTRIES} entries`] };
  }
  const problems: string[] = [];
  const entries: ReadingListEntry[] = [];
  const seen = new Set<string>();
  record.entries.forEach((raw: unknown, index: number) => {
    const entry = readEntry(raw, `entries[${index}]`, problems);
    if (!entry) return;
    if (seen.has(entry.paperId))
      problems.push(`entries[${index}].paperId: ${entry.paperId} appears twice`);
    seen.add(entry.paperId);
    entries.push(entry);
  });
  return problems.length > 0 ? { problems: problems.slice(0, 50) } : { entries };
}

function readEntry(raw: unknown, path: string, problems: string[]): ReadingListEntry | null {
  if (typeof raw !== 'object' || raw === null) {
    problems.push(`${path}: expected an object`);
    return null;
  }
  const value = raw as Record<string, unknown>;
  const before = problems.length;
  const text = (field: string, max: number, required: boolean): string => {
    const read = typeof value[field] === 'string' ? normaliseText(value[field] as string, max) : '';
    if (required && !read) problems.push(`${path}.${field}: missing`);
    return read;
  };
  const list = (field: string, read: (item: unknown) => string | null): string[] => {
    const items = value[field] ?? [];
    if (!Array.isArray(items) || items.length > 200) {
      problems.push(`${path}.${field}: expected a list`);
      return [];
    }
    const values = items.map(read);
    values.forEach((item, index) => {
      if (item === null) problems.push(`${path}.${field}[${index}]: not valid`);
    });
    return values.filter((item): item is string => item !== null);
  };
  const paperId = typeof value.paperId === 'string' ? value.paperId : '';
  if (!(canonicalArxivId(paperId) === paperId || /^[a-z0-9][a-z0-9-]{0,119}$/.test(paperId))) {
    problems.push(`${path}.paperId: not a paper id`);
  }
  const arxivId = typeof value.arxivId === 'string' ? canonicalArxivId(value.arxivId) : null;
  const addedAt =
    typeof value.addedAt === 'number' && Number.isFinite(value.addedAt) ? value.addedAt : NaN;
  if (Number.isNaN(addedAt)) problems.push(`${path}.addedAt: expected a time`);
  if (value.status !== 'read' && value.status !== 'unread')
    problems.push(`${path}.status: expected read or unread`);
  // The note keeps its line breaks: it is the user's own text.
  const note = typeof value.note === 'string' ? value.note.slice(0, 10_000) : '';
  const entry: ReadingListEntry = {
    paperId,
    title: text('title', 500, true),
    authors: list('authors', (item) =>
      typeof item === 'string' ? normaliseText(item, 200) || null : null,
    ),
    repos: list('repos', (item) => (typeof item === 'string' ? parseRepoSlug(item) : null)),
    links: list('links', (item) => (typeof item === 'string' ? readHttpUrl(item) : null)),
    addedAt,
    status: value.status === 'read' ? 'read' : 'unread',
    tags: list('tags', (item) =>
      typeof item === 'string' ? normaliseText(item, 60) || null : null,
    ),
    note,
  };
  if (arxivId) entry.arxivId = arxivId;
  return problems.length > before ? null : entry;
}

/**
 * Merges entries by paper id: new ones are added; for one already there, tags are united, read
 * wins over unread, and an imported note fills an empty local note (a local note is never
 * replaced). One transaction: all of it or none.
 */
export async function importEntries(
  db: PaperPeekDatabase,
  entries: ReadingListEntry[],
  now: number = Date.now(),
): Promise<ImportResult> {
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  await db.transaction('rw', db.readingList, db.readingListRemovals, async () => {
    const existing = await db.readingList.bulkGet(entries.map((entry) => entry.paperId));
    const writes: ReadingListEntry[] = [];
    entries.forEach((incoming, index) => {
      const local = existing[index];
      // What the import adds or changes counts as done now, for sync: it wins over older edits
      // and removals on the user's other browsers.
      if (!local) {
        added += 1;
        writes.push({ ...incoming, clock: { present: now } });
        return;
      }
      const merged: ReadingListEntry = {
        ...local,
        tags: [...new Set([...local.tags, ...incoming.tags])],
        status: local.status === 'read' || incoming.status === 'read' ? 'read' : 'unread',
        note: local.note || incoming.note,
      };
      const clock = { ...local.clock };
      for (const field of ['status', 'tags', 'note'] as const) {
        if (JSON.stringify(merged[field]) !== JSON.stringify(local[field])) clock[field] = now;
      }
      if (JSON.stringify(merged) === JSON.stringify(local)) unchanged += 1;
      else {
        updated += 1;
        writes.push({ ...merged, clock });
      }
    });
    await db.readingList.bulkPut(writes);
    await db.readingListRemovals.bulkDelete(entries.map((entry) => entry.paperId));
  });
  return { ok: true, added, updated, unchanged };
}

export async function importBackup(db: PaperPeekDatabase, text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  return importEntries(db, parsed.entries);
}
