/**
 * What the popup reads: the packed search record, the saved ids, and full rows only for the
 * results on screen. The popup shares the worker's origin and opens the database itself.
 * Never: reads every paper row (the search record exists so that it need not).
 */
import type { PaperPeekDatabase, PaperRow } from './db';
import type { SearchRecord } from './search';

export interface PopupData {
  record: SearchRecord;
  savedIds: Set<string>;
}

/**
 * The record and saved ids; when there is no record yet (first run, the worker still loading
 * the bundled digest) `waitForWorker` is awaited once and the record read again.
 */
export async function loadPopupData(
  db: PaperPeekDatabase,
  waitForWorker: () => Promise<unknown>,
): Promise<PopupData> {
  let row = await db.meta.get('search');
  if (!row) {
    await waitForWorker();
    row = await db.meta.get('search');
  }
  const record = row?.value ?? {
    version: 1,
    ids: [],
    titles: [],
    authors: [],
    repos: [],
    years: [],
    newest: [],
  };
  const savedIds = new Set(await db.readingList.toCollection().primaryKeys());
  return { record, savedIds };
}

export async function rowsFor(
  db: PaperPeekDatabase,
  ids: string[],
): Promise<Map<string, PaperRow>> {
  const rows = await db.papers.bulkGet(ids);
  return new Map(
    rows.filter((row): row is PaperRow => row !== undefined).map((row) => [row.id, row]),
  );
}
