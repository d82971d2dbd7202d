/**
 * Applying a digest to the database. Owns: the all-or-nothing write of one source's papers.
 * Never: touches `readingList`, fetches inside a transaction, or catches an error inside one
 * (a caught BulkError would commit a partial digest).
 */
import { writeDerivedRows, type PaperPeekDatabase, type PaperRow } from '../db';
import { validateDigest, type Digest } from './schema';

export type LoadResult =
  | { ok: true; changed: boolean; paperCount: number; revision: string }
  | { ok: false; problems: string[] };

/**
 * Validates `input`, then replaces the papers of `sourceId` with it in one transaction: readers
 * see the old set or the new one, never a mix. A digest already applied (same revision) is a
 * no-op. A rejected or failed load records its error on the source and changes no paper.
 */
export async function loadDigest(
  db: PaperPeekDatabase,
  input: unknown,
  sourceId: string,
  now: () => number = Date.now,
): Promise<LoadResult> {
  const checked = validateDigest(input);
  if (!checked.ok) {
    await recordFailure(db, sourceId, `Invalid digest: ${checked.problems.join('; ')}`, now());
    return checked;
  }
  const { digest } = checked;
  const revision = await digestRevision(digest);
  const previous = await db.sources.get(sourceId);
  if (previous?.revision === revision) {
    return { ok: true, changed: false, paperCount: previous.paperCount, revision };
  }

  const rows: PaperRow[] = digest.papers.map((paper) => ({ ...paper, sourceId }));
  const newIds = new Set(rows.map((row) => row.id));
  try {
    await db.transaction('rw', [db.papers, db.sources, db.meta, db.abstractIndex], async () => {
      const oldIds = await db.papers.where('sourceId').equals(sourceId).primaryKeys();
      await db.papers.bulkDelete(oldIds.filter((id) => !newIds.has(id)));
      await db.papers.bulkPut(rows);
      // Search rows change with the papers, in the same transaction: never out of step.
      await writeDerivedRows(db.meta, db.abstractIndex, await db.papers.toArray());
      await db.sources.put({
        id: sourceId,
        revision,
        generatedAt: digest.generatedAt,
        paperCount: rows.length,
        lastSuccessAt: now(),
      });
    });
  } catch (error) {
    const message = `Could not store the digest: ${errorMessage(error)}`;
    await recordFailure(db, sourceId, message, now());
    return { ok: false, problems: [message] };
  }
  return { ok: true, changed: true, paperCount: rows.length, revision };
}

/** SHA-256 of the validated papers: the same papers give the same revision wherever they came from. */
export async function digestRevision(digest: Digest): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(digest.papers));
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function recordFailure(
  db: PaperPeekDatabase,
  sourceId: string,
  message: string,
  at: number,
): Promise<void> {
  try {
    await db.transaction('rw', db.sources, async () => {
      const previous = await db.sources.get(sourceId);
      await db.sources.put({
        ...(previous ?? { id: sourceId, paperCount: 0 }),
        lastError: message.slice(0, 2_000),
        lastErrorAt: at,
      });
    });
  } catch {
    // The database itself is failing (quota, closed, private mode): the caller already returns
    // the error to whoever asked, which is all that can be done.
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
