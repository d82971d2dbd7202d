/**
 * Filling in what a digest paper lacks (authors, dates, arXiv's category, DOI, journal reference,
 * comment) from the arXiv API, in the background, when the user allows look-ups. Owns: which
 * papers are asked for (those with an arXiv id and no authors or no date, each once), the cache
 * of answers (`paperDetails`, kept across digest reloads), the rule that a digest's own field
 * always wins, and rebuilding the search record in the same paper order so the abstract index
 * stays valid. Never: asks for a paper because it was hovered (hover look-ups are for papers no
 * digest has), overwrites a field a digest gave, or asks while look-ups are off.
 */
import {
  putMetaRows,
  READ_CHUNK,
  readSearchRecord,
  searchRowsOf,
  type PaperDetailsRow,
  type PaperPeekDatabase,
  type PaperRow,
} from '../db';
import { changePaperRows, forEachStoredChunk } from '../digest/shelves';
import { slicedPause } from '../digest/work-slices';
import { DETAIL_FIELDS, type Paper } from '../digest/schema';
import { buildSearchRecordInSteps, packSearchRecordInSteps } from '../search/record';
import type { AtomPaper } from './arxiv-api';

/** Papers asked for in one request: the arXiv API takes up to 20 ids at a time here. */
export const DETAILS_BATCH = 20;

/** Whether a paper lacks something an arXiv look-up would give. */
export function lacksDetails(paper: Pick<Paper, 'arxivId' | 'authors' | 'publishedAt'>): boolean {
  return Boolean(paper.arxivId) && (paper.authors.length === 0 || !paper.publishedAt);
}

/** `paper` with the fields it lacks taken from `details`; what it has stays (the digest wins). */
export function withDetails<T extends Paper>(paper: T, details: PaperDetailsRow | undefined): T {
  if (!details?.found) return paper;
  const filled: T = { ...paper };
  for (const field of DETAIL_FIELDS) {
    const value = details[field];
    if (value === undefined) continue;
    if (field === 'authors') {
      if (filled.authors.length === 0 && details.authors && details.authors.length > 0) {
        filled.authors = details.authors;
      }
    } else if (filled[field] === undefined) {
      Object.assign(filled, { [field]: value });
    }
  }
  return filled;
}

export function detailsFromAnswer(
  id: string,
  found: AtomPaper | null,
  now: number,
): PaperDetailsRow {
  if (!found) return { id, fetchedAt: now, found: false };
  const row: PaperDetailsRow = { id, fetchedAt: now, found: true };
  for (const field of DETAIL_FIELDS) {
    const value = found.paper[field];
    if (value !== undefined) Object.assign(row, { [field]: value });
  }
  if (found.primaryCategory && !row.primaryCategory) row.primaryCategory = found.primaryCategory;
  return row;
}

/** Fills in the digest papers in `papers` from cached answers (for an apply). */
export async function mergeKnownDetails(
  db: PaperPeekDatabase,
  papers: readonly Paper[],
  pause: () => Promise<void>,
): Promise<Paper[]> {
  const lacking = papers.filter(lacksDetails).map((paper) => paper.id);
  if (lacking.length === 0) return [...papers];
  const known = new Map<string, PaperDetailsRow>();
  for (let start = 0; start < lacking.length; start += READ_CHUNK) {
    const rows = await db.paperDetails.bulkGet(lacking.slice(start, start + READ_CHUNK));
    for (const row of rows) if (row?.found) known.set(row.id, row);
    await pause();
  }
  return papers.map((paper) => withDetails(paper, known.get(paper.id)));
}

export interface FillInDependencies {
  db: PaperPeekDatabase;
  /** Look-ups allowed (the setting, and in Firefox the data consent). */
  enabled: () => Promise<boolean>;
  /** The rate-limited arXiv queue: ids asked together go out in one request. */
  lookup: (arxivId: string) => Promise<AtomPaper | null>;
  /** Runs `task` when no digest job is writing (the job queue's lock). */
  exclusive: <T>(task: () => Promise<T>) => Promise<T>;
  now?: () => number;
  pause?: () => Promise<void>;
  /**
   * The stamp of the search record whose papers a run last went through to the end: the worker
   * starts often, and scanning 100,000 papers each time to find nothing to ask is wasted reads.
   */
  completed?: { read(): Promise<string | undefined>; write(stamp: string): Promise<void> };
}

export interface FillInResult {
  asked: number;
  filled: number;
  /** Why it stopped before the end, when it did. */
  stopped?: 'look-ups off' | 'arXiv unreachable';
}

/**
 * Asks arXiv about every digest paper that lacks details and was never asked, 20 at a time,
 * stores the answers and fills the papers in; then rebuilds the search record once, so cards,
 * search, filters and exports see the new authors and dates.
 */
export async function fillInDetails(deps: FillInDependencies): Promise<FillInResult> {
  const { db, now = Date.now, pause = slicedPause() } = deps;
  if (!(await deps.enabled())) return { asked: 0, filled: 0, stopped: 'look-ups off' };
  const searchRow = await db.meta.get('search');
  const stamp = searchRow?.key === 'search' ? searchRow.value.stamp : undefined;
  if (stamp && deps.completed && (await deps.completed.read()) === stamp) {
    return { asked: 0, filled: 0 };
  }
  const waiting = await papersToAsk(db, pause);
  let asked = 0;
  let filled = 0;
  let stopped: FillInResult['stopped'];
  for (let start = 0; start < waiting.length; start += DETAILS_BATCH) {
    if (start > 0 && !(await deps.enabled())) {
      stopped = 'look-ups off';
      break;
    }
    const ids = waiting.slice(start, start + DETAILS_BATCH);
    let answers: (AtomPaper | null)[];
    try {
      // Asked together: the queue sends them as one request.
      answers = await Promise.all(ids.map((id) => deps.lookup(id)));
    } catch {
      // Rate-limited or offline: nothing is cached, so the next run asks again.
      stopped = 'arXiv unreachable';
      break;
    }
    asked += ids.length;
    const rows = ids.map((id, i) => detailsFromAnswer(id, answers[i] ?? null, now()));
    filled += await deps.exclusive(() => storeDetails(db, rows));
  }
  if (filled > 0) await deps.exclusive(() => rebuildSearchRecord(db, pause));
  // The rebuild keeps the record's stamp: a new digest brings a new one, and a new run.
  if (!stopped && stamp) await deps.completed?.write(stamp);
  return { asked, filled, ...(stopped ? { stopped } : {}) };
}

/** Ids of the papers that lack details and have no answer cached, newest id first. */
async function papersToAsk(db: PaperPeekDatabase, pause: () => Promise<void>): Promise<string[]> {
  const asked = new Set(await db.paperDetails.toCollection().primaryKeys());
  const ids: string[] = [];
  await forEachStoredChunk(db, async (rows) => {
    for (const row of rows) if (lacksDetails(row) && !asked.has(row.id)) ids.push(row.id);
    await pause();
  });
  // Newer papers first: they are the ones on people's screens.
  return ids.sort().reverse();
}

/** Stores the answers and fills in the papers they are for; returns how many papers changed. */
async function storeDetails(db: PaperPeekDatabase, rows: PaperDetailsRow[]): Promise<number> {
  return db.transaction('rw', [db.paperDetails, db.shelves], async () => {
    await db.paperDetails.bulkPut(rows);
    const details = new Map(rows.map((row) => [row.id, row]));
    return changePaperRows(db, [...details.keys()], (paper) => {
      const filled = withDetails(paper, details.get(paper.id));
      return JSON.stringify(filled) === JSON.stringify(paper) ? paper : filled;
    });
  });
}

/**
 * The search record again from the stored papers, in the record's own paper order and with its
 * stamp, so that the abstract index (whose postings are record indexes) stays valid. Skipped if
 * the digest changed meanwhile (that apply built a record with the new data already).
 */
async function rebuildSearchRecord(
  db: PaperPeekDatabase,
  pause: () => Promise<void>,
): Promise<void> {
  const record = await readSearchRecord(db, 'search');
  if (!record?.stamp) return;
  const stored = new Map<string, PaperRow>();
  await forEachStoredChunk(db, async (chunk) => {
    for (const row of chunk) stored.set(row.id, row);
    await pause();
  });
  const rows: PaperRow[] = [];
  for (let index = 0; index < record.ids.length; index += 1) {
    const row = stored.get(record.ids.at(index) ?? '');
    if (!row) return; // a paper left: the digest changed
    rows.push(row);
  }
  const rebuilt = await buildSearchRecordInSteps(rows, record.stamp, pause);
  const packed = await packSearchRecordInSteps(rebuilt, pause);
  await db.transaction('rw', db.meta, async () => {
    const current = await db.meta.get('search');
    if (current?.key !== 'search' || current.value.stamp !== record.stamp) return;
    await putMetaRows(db.meta, searchRowsOf(rebuilt, packed));
  });
}
