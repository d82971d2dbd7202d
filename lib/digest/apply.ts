/**
 * Writing a source's papers to the database. Owns: merging them with what is stored (a source
 * replaces its own papers, or accumulates them under a cap), rebuilding everything derived from
 * the papers, and the one transaction that makes the result visible. Never: touches the reading
 * list, blocks the worker for long on a large digest (reading, indexing and writing go in chunks
 * with pauses between), or exposes half a digest: every write is in one transaction, so a worker
 * stopped in the middle leaves the previous digest whole.
 *
 * Only the worker writes papers, one apply at a time (see `createDigestQueue`): the papers read
 * before the transaction are still the stored ones when it runs.
 */
import { AbstractIndexBuilder, rowsInPuts } from '../search/abstract-index-builder';
import {
  putMetaRows,
  searchRowsOf,
  SHELF_SIZE,
  shelfOf,
  shelvesFor,
  type PaperPeekDatabase,
  type PaperRow,
  type PaperShelf,
} from '../db';
import { countPapers, forEachStoredShelves } from './shelves';
import type { SourceState } from '../sources/source';
import { arxivIdMonth } from '../links/arxiv-id';
import {
  buildSearchRecordInSteps,
  packSearchRecordInSteps,
  type SearchFacts,
} from '../search/record';
import { mergeKnownDetails } from '../sources/paper-details';
import { slicedPause } from './work-slices';
import type { Paper } from './schema';

export type ApplyPhase = 'reading' | 'indexing' | 'writing';

export interface ApplyProgress {
  phase: ApplyPhase;
  done: number;
  total: number;
}

export interface ApplyOptions {
  sourceId: string;
  /**
   * `replace`: the source's papers become exactly `papers` (a file, the bundled digest).
   * `accumulate`: `papers` are merged into what the source has (a daily feed).
   * Either way a paper already stored from any source takes the new data (the newest wins).
   */
  mode: 'replace' | 'accumulate';
  /** The source keeps at most this many papers: the oldest leave first, saved ones never. */
  cap?: number;
  revision?: string;
  generatedAt?: string;
  /** Kept on the source's state with the result (the feed's URL, its validators, ...). */
  sourceFacts?: Partial<SourceState>;
  now?: () => number;
  /** Called between chunks to let other work run; by default it yields every 20 ms of work. */
  pause?: () => Promise<void>;
  onProgress?: (progress: ApplyProgress) => void;
}

export interface ApplySummary {
  added: number;
  updated: number;
  removed: number;
  evicted: number;
  /** Papers of this source after the apply. */
  sourcePaperCount: number;
  /** Papers in the database after the apply. */
  paperCount: number;
}

/** Shelves per put: 20 shelves of 50 papers (1.5 MB) are cloned in about 20 ms. */
export const WRITE_CHUNK_SHELVES = 20;
/** Abstracts indexed between calls of `pause` (which yields once a slice of time is used). */
const INDEX_CHUNK = 100;

/** What is kept of a stored paper while an apply is planned. */
interface StoredFacts extends SearchFacts {
  sourceId: string;
  abstract: string;
}

export async function applyPapers(
  db: PaperPeekDatabase,
  papers: readonly Paper[],
  options: ApplyOptions,
): Promise<ApplySummary> {
  const { sourceId, now = Date.now, pause = slicedPause(), onProgress } = options;
  // What arXiv told us of papers this digest gives without authors or dates stays: the digest's
  // own fields win, the answers fill the gaps.
  const filledIn = await mergeKnownDetails(db, papers, pause);
  const incoming = new Map(filledIn.map((paper) => [paper.id, paper]));

  // 1. The stored papers, a few shelves at a time.
  const kept: StoredFacts[] = [];
  const removed: string[] = [];
  const updated = new Set<string>();
  // The shelf of every stored paper: a paper updated or removed changes its shelf in place.
  const shelfKeyOf = new Map<string, string>();
  let read = 0;
  const storedTotal = await countPapers(db);
  await forEachStoredShelves(db, async (shelves) => {
    for (const shelf of shelves) {
      for (const row of shelf.papers) {
        shelfKeyOf.set(row.id, shelf.key);
        if (incoming.has(row.id)) updated.add(row.id);
        else if (options.mode === 'replace' && row.sourceId === sourceId) removed.push(row.id);
        else kept.push(storedFacts(row));
      }
      read += shelf.papers.length;
    }
    onProgress?.({ phase: 'reading', done: read, total: storedTotal });
    await pause();
  });

  // 2. The cap: the source's oldest papers leave, never one in the reading list.
  const evicted = new Set<string>();
  const ownKept = kept.filter((facts) => facts.sourceId === sourceId);
  if (options.cap !== undefined && ownKept.length + incoming.size > options.cap) {
    const saved = new Set(await db.readingList.toCollection().primaryKeys());
    const candidates = [...ownKept, ...incoming.values()]
      .filter((facts) => !saved.has(facts.id))
      .sort((a, b) => (ageKey(a) < ageKey(b) ? -1 : ageKey(a) > ageKey(b) ? 1 : 0));
    let excess = ownKept.length + incoming.size - options.cap;
    for (const facts of candidates) {
      if (excess <= 0) break;
      evicted.add(facts.id);
      excess -= 1;
    }
  }
  const stays = (facts: { id: string }) => !evicted.has(facts.id);
  const written = [...incoming.values()].filter(stays);
  const final: (SearchFacts & { abstract: string })[] = [...kept.filter(stays), ...written];

  // 3. Everything derived from the final papers, built before the transaction opens.
  const stamp = crypto.randomUUID();
  const record = await buildSearchRecordInSteps(final, stamp, pause);
  const meta = searchRowsOf(record, await packSearchRecordInSteps(record, pause));
  const words = new AbstractIndexBuilder();
  for (let start = 0; start < final.length; start += INDEX_CHUNK) {
    final.slice(start, start + INDEX_CHUNK).forEach((paper, offset) => {
      words.add(start + offset, paper.abstract);
    });
    onProgress?.({
      phase: 'indexing',
      done: Math.min(start + INDEX_CHUNK, final.length),
      total: final.length,
    });
    await pause();
  }
  const indexRows = await words.rowsInChunks(stamp, pause);

  // 4. One transaction. Inside it only IndexedDB is awaited: anything else would commit it early.
  const ownCount = ownKept.filter(stays).length + written.length;
  await db.transaction(
    'rw',
    [db.shelves, db.sources, db.meta, db.abstractIndex, db.readingList],
    async () => {
      // Saved since step 2: it stays (its row is no longer in the search record until the next
      // apply, which costs nothing but a missing search hit).
      const savedSince = new Set(
        await db.readingList
          .where('paperId')
          .anyOf([...evicted])
          .primaryKeys(),
      );
      const deleting = new Set([...removed, ...[...evicted].filter((id) => !savedSince.has(id))]);
      const writing = new Map(written.map((paper) => [paper.id, paper]));
      // Shelves that lose or change a paper, read again inside the transaction: a fill-in of
      // details may have rewritten one since step 1.
      const touched = new Set<string>();
      for (const id of [...deleting, ...writing.keys()]) {
        const key = shelfKeyOf.get(id);
        if (key) touched.add(key);
      }
      onProgress?.({ phase: 'writing', done: 0, total: written.length });
      const placed = new Set<string>();
      const touchedKeys = [...touched];
      for (let start = 0; start < touchedKeys.length; start += WRITE_CHUNK_SHELVES) {
        const shelves = await db.shelves.bulkGet(
          touchedKeys.slice(start, start + WRITE_CHUNK_SHELVES),
        );
        const rewritten: PaperShelf[] = [];
        for (const shelf of shelves) {
          if (!shelf) continue;
          const papers: PaperRow[] = [];
          for (const paper of shelf.papers) {
            if (deleting.has(paper.id)) continue;
            const replacement = writing.get(paper.id);
            if (replacement) placed.add(paper.id);
            papers.push(replacement ? { ...replacement, sourceId } : paper);
          }
          if (papers.length > 0) rewritten.push(shelfOf(shelf.key, papers));
          else await db.shelves.delete(shelf.key);
        }
        await db.shelves.bulkPut(rewritten);
      }
      // New papers on new shelves, a few shelves per put (each put is cloned synchronously).
      const fresh = written.filter((paper) => !placed.has(paper.id));
      const shelfPapers = WRITE_CHUNK_SHELVES * SHELF_SIZE;
      for (let start = 0; start < fresh.length; start += shelfPapers) {
        const rows: PaperRow[] = fresh
          .slice(start, start + shelfPapers)
          .map((paper) => ({ ...paper, sourceId }));
        await db.shelves.bulkPut(shelvesFor(`${stamp}-${start / shelfPapers}`, rows));
        onProgress?.({
          phase: 'writing',
          done: Math.min(start + shelfPapers, fresh.length),
          total: fresh.length,
        });
      }
      await putMetaRows(db.meta, meta);
      await db.abstractIndex.clear();
      for (const put of rowsInPuts(indexRows)) await db.abstractIndex.bulkPut(put);
      const previous = await db.sources.get(sourceId);
      const state: SourceState = {
        ...previous,
        ...options.sourceFacts,
        id: sourceId,
        paperCount: ownCount,
        lastSuccessAt: now(),
      };
      if (options.revision) state.revision = options.revision;
      if (options.generatedAt) state.generatedAt = options.generatedAt;
      delete state.lastError;
      delete state.lastErrorAt;
      await db.sources.put(state);
    },
  );

  const updates = written.filter((paper) => updated.has(paper.id)).length;
  return {
    added: written.length - updates,
    updated: updates,
    removed: removed.length,
    evicted: evicted.size,
    sourcePaperCount: ownCount,
    paperCount: final.length,
  };
}

/** Every stored paper, in primary-key order, a chunk per read transaction. */
function storedFacts(row: PaperRow): StoredFacts {
  const facts: StoredFacts = {
    id: row.id,
    title: row.title,
    authors: row.authors,
    repos: row.repos,
    sourceId: row.sourceId,
    abstract: row.abstract,
  };
  if (row.arxivId) facts.arxivId = row.arxivId;
  if (row.publishedAt) facts.publishedAt = row.publishedAt;
  return facts;
}

/** Sorts oldest first: the publication date, else the month in the arXiv id, else first of all. */
function ageKey(paper: SearchFacts): string {
  if (paper.publishedAt) return paper.publishedAt;
  const month = arxivIdMonth(paper.arxivId);
  return month ? `${month.year}-${String(month.month).padStart(2, '0')}` : '';
}
