/**
 * What the popup reads: a packed search record, the saved ids, and full rows only for the
 * results on screen. The popup shares the worker's origin and opens the database itself.
 * Never: reads every paper row (the search record exists so that it need not).
 */
import {
  readSearchAuthors,
  readSearchRecord,
  searchRecordOfRows,
  type MetaRow,
  type PaperPeekDatabase,
  type PaperRow,
} from '../db';
import { getPaperRows } from '../digest/shelves';
import type { SearchRecord } from './record';

export interface PopupData {
  record: SearchRecord;
  /** False while `record` holds only the newest papers. */
  complete: boolean;
}

const EMPTY: SearchRecord = {
  version: 1,
  ids: [],
  titles: [],
  authors: [],
  repos: [],
  years: [],
  newest: [],
};

/**
 * A search record (`newest`: a few papers for the first paint; `search`: every paper). When there is none yet (first run: the worker is still loading the bundled digest)
 * `waitForWorker` is awaited once and the row read again.
 */
export async function loadPopupData(
  db: PaperPeekDatabase,
  key: 'newest' | 'search',
  waitForWorker: () => Promise<unknown>,
): Promise<PopupData> {
  let record = await readSearchRecord(db, key);
  if (!record) {
    await waitForWorker();
    record = await readSearchRecord(db, key);
  }
  return { record: record ?? EMPTY, complete: key === 'search' };
}

/**
 * `data` with the authors of its record, read after the rest (see `SearchRecord.authors`). When
 * the stored authors belong to another record (the digest changed since `data` was read), the
 * whole record is read again, authors included.
 */
export async function withSearchAuthors(
  db: PaperPeekDatabase,
  data: PopupData,
  waitForWorker: () => Promise<unknown>,
): Promise<PopupData> {
  const authors = await readSearchAuthors(db, data.record.stamp);
  if (authors) return { ...data, record: { ...data.record, authors } };
  return loadPopupData(db, 'search', waitForWorker);
}

/** The full search record, asked for early (`requestSearchRecord`). */
export interface FullRecordRequest {
  take(): Promise<SearchRecord | undefined>;
}

/**
 * Asks for the full search record at once and unpacks it only when `take` is called. Chromium
 * reads a large value from disk off this thread and turns it into objects when `result` is first
 * read: so the read runs while the popup paints its first results, and the objects are made
 * after that paint, not in its way. It opens the database itself, without Dexie, so the read
 * starts as the popup's script starts rather than once Dexie has opened (30-50 ms later at
 * 100,000 papers). Resolves to undefined when there is no record (or no database) yet.
 */
export function requestSearchRecord(factory: IDBFactory, name: string): FullRecordRequest {
  const requests = new Promise<IDBRequest<MetaRow | undefined>[]>((resolve, reject) => {
    const opening = factory.open(name);
    // No database yet (the worker has not made it): create nothing, Dexie will.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = (event) => {
      event.preventDefault();
      if (opening.error?.name === 'AbortError') resolve([]);
      else reject(opening.error ?? new Error('could not open the database'));
    };
    opening.onsuccess = () => {
      const connection = opening.result;
      // An upgrade (an update of PaperPeek) must not wait for this read.
      connection.onversionchange = () => connection.close();
      if (!connection.objectStoreNames.contains('meta')) {
        connection.close();
        resolve([]);
        return;
      }
      const transaction = connection.transaction('meta', 'readonly');
      const meta = transaction.objectStore('meta');
      const rows = [meta.get('search'), meta.get('search-words')];
      transaction.oncomplete = () => {
        connection.close();
        resolve(rows);
      };
      transaction.onabort = () => {
        connection.close();
        reject(transaction.error ?? new Error('read aborted'));
      };
    };
  });
  // An early failure is reported by `take`, not as an unhandled rejection.
  requests.catch(() => undefined);
  return {
    take: async () => {
      const [search, words] = await requests;
      return searchRecordOfRows(search?.result, words?.result);
    },
  };
}

export async function rowsFor(
  db: PaperPeekDatabase,
  ids: string[],
): Promise<Map<string, PaperRow>> {
  const rows = await getPaperRows(db, ids);
  return new Map(
    rows.filter((row): row is PaperRow => row !== undefined).map((row) => [row.id, row]),
  );
}
