/**
 * Loading a digest document: validation, its revision, and recording the outcome on its source.
 * The writing itself is `applyPapers`. Never: touches `readingList`, or catches an error inside a
 * transaction (a caught BulkError would commit a partial digest).
 */
import type { PaperPeekDatabase } from '../db';
import { describeStorageError } from '../storage-errors';
import { applyPapers, type ApplyOptions, type ApplySummary } from './apply';
import { slicedPause } from './work-slices';
import { validateDigest, type Paper } from './schema';

export type LoadResult =
  | {
      ok: true;
      changed: boolean;
      paperCount: number;
      /** The papers' hash, for a source whose papers are replaced (see `applyValidPapers`). */
      revision?: string;
      summary?: ApplySummary;
    }
  | { ok: false; problems: string[] };

/**
 * Validates `input`, then makes it the papers of `sourceId` (see `applyPapers`): readers see the
 * old set or the new one, never a mix. A digest already applied (same revision) is a no-op. A
 * rejected or failed load records its error on the source and changes no paper.
 */
export async function loadDigest(
  db: PaperPeekDatabase,
  input: unknown,
  sourceId: string,
  now: () => number = Date.now,
  options: Partial<
    Pick<ApplyOptions, 'pause' | 'onProgress' | 'mode' | 'cap' | 'sourceFacts'>
  > = {},
): Promise<LoadResult> {
  const checked = validateDigest(input);
  if (!checked.ok) {
    await recordFailure(db, sourceId, `Invalid digest: ${checked.problems.join('; ')}`, now());
    return checked;
  }
  return applyValidPapers(db, checked.digest.papers, sourceId, {
    ...options,
    now,
    generatedAt: checked.digest.generatedAt,
  });
}

/** Applies papers that passed validation; the result or the error is recorded on the source. */
export async function applyValidPapers(
  db: PaperPeekDatabase,
  papers: Paper[],
  sourceId: string,
  options: Omit<ApplyOptions, 'sourceId' | 'mode' | 'revision'> & { mode?: ApplyOptions['mode'] },
): Promise<LoadResult> {
  const { now = Date.now, mode = 'replace' } = options;
  // Only a replacement can be a no-op; papers added to a source (an imported file) always apply,
  // so they are not hashed (a second at 100,000 papers).
  const revision = mode === 'replace' ? await digestRevision(papers, options.pause) : undefined;
  if (revision) {
    const previous = await db.sources.get(sourceId);
    if (previous?.revision === revision && !previous.lastError) {
      return { ok: true, changed: false, paperCount: previous.paperCount, revision };
    }
  }
  try {
    const summary = await applyPapers(db, papers, {
      ...options,
      sourceId,
      mode,
      now,
      ...(revision ? { revision } : {}),
    });
    return {
      ok: true,
      changed: true,
      paperCount: summary.sourcePaperCount,
      summary,
      ...(revision ? { revision } : {}),
    };
  } catch (error) {
    const message = `Could not store the digest: ${errorMessage(error)}`;
    await recordFailure(db, sourceId, message, now());
    return { ok: false, problems: [message] };
  }
}

const HASH_CHUNK = 2_000;

/**
 * SHA-256 over the validated papers, hashed a chunk at a time (one JSON string of 100,000 papers
 * would stall the worker): the same papers give the same revision wherever they came from.
 */
export async function digestRevision(
  papers: readonly Paper[],
  pause: () => Promise<void> = slicedPause(),
): Promise<string> {
  const encoder = new TextEncoder();
  const hex = async (text: string) =>
    Array.from(
      new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))),
      (byte) => byte.toString(16).padStart(2, '0'),
    ).join('');
  if (papers.length <= HASH_CHUNK) return hex(JSON.stringify(papers));
  const parts: string[] = [];
  for (let start = 0; start < papers.length; start += HASH_CHUNK) {
    parts.push(await hex(JSON.stringify(papers.slice(start, start + HASH_CHUNK))));
    await pause();
  }
  return hex(parts.join(''));
}

export async function recordFailure(
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
  return describeStorageError(error);
}
