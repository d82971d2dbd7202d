/**
 * Where papers are stored: shelves, rows of up to SHELF_SIZE papers, found by the ids, repos and
 * venue keys of their papers (multi-entry indexes). Owns: reading papers by id, repo or venue, counting them,
 * visiting them all, and changing some in place. Never: writes a digest (`applyPapers` does,
 * with the same shelves), or reads more shelves than the papers asked for live on.
 *
 * The shelf itself (its row type, how papers are put on shelves) is in db.ts with the schema.
 *
 * Why shelves: Chromium's IndexedDB costs about 0.1 ms per row put, whatever its size, so
 * 100,000 papers one per row took 10-18 s to write; the same papers 100 to a row took 1.4-2.9 s
 * (docs/PERFORMANCE.md). 50 to a row keeps a shelf near 75 KB, so reading the rows of a page of
 * search results stays cheap.
 */
import { shelfOf, type PaperPeekDatabase, type PaperRow, type PaperShelf } from '../db';
import { venueKeysOf } from '../links/venue';

/**
 * The shelves holding any of `values` in the index `index`, each once. A multi-entry index
 * answers `anyOf` with a shelf per matching key: 71 ids on two shelves read 71 shelves of 50
 * papers (a lookup three times slower than with a row per paper), so keys come first.
 */
async function shelvesWith(
  db: PaperPeekDatabase,
  index: 'ids' | 'repos' | 'venues',
  values: ReadonlySet<string>,
): Promise<PaperShelf[]> {
  const keys = await db.shelves
    .where(index)
    .anyOf([...values])
    .primaryKeys();
  const shelves = await db.shelves.bulkGet([...new Set(keys)]);
  return shelves.filter((shelf): shelf is PaperShelf => shelf !== undefined);
}

/** The rows of `ids`, in the same order, undefined where a paper is not stored (as `bulkGet`). */
export async function getPaperRows(
  db: PaperPeekDatabase,
  ids: readonly string[],
): Promise<(PaperRow | undefined)[]> {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const found = new Map<string, PaperRow>();
  for (const shelf of await shelvesWith(db, 'ids', wanted)) {
    for (const paper of shelf.papers) if (wanted.has(paper.id)) found.set(paper.id, paper);
  }
  return ids.map((id) => found.get(id));
}

export async function getPaperRow(
  db: PaperPeekDatabase,
  id: string,
): Promise<PaperRow | undefined> {
  const shelf = await db.shelves.where('ids').equals(id).first();
  return shelf?.papers.find((paper) => paper.id === id);
}

/** Every stored paper with one of `values` in `index`, as `keysOf` reads a paper's keys. */
async function papersWith(
  db: PaperPeekDatabase,
  index: 'repos' | 'venues',
  values: readonly string[],
  keysOf: (paper: PaperRow) => readonly string[],
): Promise<PaperRow[]> {
  if (values.length === 0) return [];
  const wanted = new Set(values);
  const found = new Map<string, PaperRow>();
  for (const shelf of await shelvesWith(db, index, wanted)) {
    for (const paper of shelf.papers) {
      if (keysOf(paper).some((key) => wanted.has(key))) found.set(paper.id, paper);
    }
  }
  return [...found.values()];
}

/** Every stored paper with one of `repos`. */
export function papersWithRepos(
  db: PaperPeekDatabase,
  repos: readonly string[],
): Promise<PaperRow[]> {
  return papersWith(db, 'repos', repos, (paper) => paper.repos);
}

/** Every stored paper with one of the venue keys `venues` (links/venue.ts). */
export function papersWithVenues(
  db: PaperPeekDatabase,
  venues: readonly string[],
): Promise<PaperRow[]> {
  return papersWith(db, 'venues', venues, venueKeysOf);
}

/** How many papers are stored (the index's keys: no shelf is read). */
export function countPapers(db: PaperPeekDatabase): Promise<number> {
  return db.shelves.orderBy('ids').count();
}

/** Shelves read per step of `forEachStoredShelves` (about 2,000 papers). */
const SHELVES_PER_READ = 40;

/** Visits every shelf, a few at a time in key order (never every paper at once). */
export async function forEachStoredShelves(
  db: PaperPeekDatabase,
  visit: (shelves: PaperShelf[]) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const shelves: PaperShelf[] = await (
      after === null ? db.shelves.orderBy(':id') : db.shelves.where(':id').above(after)
    )
      .limit(SHELVES_PER_READ)
      .toArray();
    if (shelves.length === 0) return;
    await visit(shelves);
    after = shelves[shelves.length - 1]?.key ?? null;
    if (shelves.length < SHELVES_PER_READ) return;
  }
}

/** Visits every stored paper, a few shelves at a time. */
export function forEachStoredChunk(
  db: PaperPeekDatabase,
  visit: (rows: PaperRow[]) => Promise<void>,
): Promise<void> {
  return forEachStoredShelves(db, (shelves) => visit(shelves.flatMap((shelf) => shelf.papers)));
}

/**
 * Changes stored papers in place: `change` gets each stored paper of `ids` and returns it as it
 * should be (the same object for no change). Call inside a transaction that includes `shelves`
 * when the change must be atomic with other writes. Returns the papers changed.
 */
export async function changePaperRows(
  db: PaperPeekDatabase,
  ids: readonly string[],
  change: (row: PaperRow) => PaperRow,
): Promise<number> {
  if (ids.length === 0) return 0;
  const wanted = new Set(ids);
  let changed = 0;
  const rewritten = new Map<string, PaperShelf>();
  for (const shelf of await shelvesWith(db, 'ids', wanted)) {
    let touched = false;
    const papers = shelf.papers.map((paper) => {
      if (!wanted.has(paper.id)) return paper;
      const next = change(paper);
      if (next !== paper) {
        touched = true;
        changed += 1;
      }
      return next;
    });
    if (touched) rewritten.set(shelf.key, shelfOf(shelf.key, papers));
  }
  await db.shelves.bulkPut([...rewritten.values()]);
  return changed;
}
