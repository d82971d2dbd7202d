/**
 * Reading-list sync through `storage.sync` (the browser's own sync service). Owns: one sync
 * pass (read the synced items, merge them with the local list in one transaction, write back
 * only what changed, in one `set` and one `remove`) and the coalescing of requests for passes.
 * Never: deletes a local entry except for a removal made on another browser, or writes an item
 * it could not read (another version's item is left as it is).
 */
import type { PaperPeekDatabase, ReadingListEntry } from '../db';
import { errorMessage } from '../digest/load';
import { readSettings, type SettingsStorage } from '../settings';
import {
  mergeStates,
  planSyncItems,
  readSyncedItem,
  itemBytes,
  SYNC_KEY_PREFIX,
  TOMBSTONE_DAYS,
  type LocalOnlyReason,
  type SideState,
} from './sync-merge';

/** The part of `browser.storage.sync` a pass uses. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncReport {
  state: 'synced' | 'off' | 'error';
  at: number;
  /** Entries held in `storage.sync`. */
  syncedEntries: number;
  /** Entries that stay on this browser, and why. */
  localOnly: { paperId: string; reason: LocalOnlyReason }[];
  /** Items in `storage.sync` this version cannot read (left untouched). */
  unreadableItems: number;
  /** Entries added, changed or removed here by edits from other browsers. */
  received: number;
  error?: string;
}

/** Where the last report is kept in `storage.local`, for the popup and the options page. */
export const SYNC_REPORT_KEY = 'readingListSync';

export interface SyncPassDependencies {
  local: SettingsStorage & { set(items: Record<string, unknown>): Promise<void> };
  sync: SyncArea;
  now?: () => number;
}

/** One pass as the worker runs it: honours the setting and keeps the report for the popup. */
export async function runSyncPass(
  db: PaperPeekDatabase,
  { local, sync, now = Date.now }: SyncPassDependencies,
): Promise<SyncReport> {
  const settings = await readSettings(local);
  const report: SyncReport = settings.readingListSync
    ? await syncReadingList(db, sync, now())
    : { ...EMPTY_REPORT, state: 'off', at: now() };
  await local.set({ [SYNC_REPORT_KEY]: report });
  return report;
}

const EMPTY_REPORT: SyncReport = {
  state: 'synced',
  at: 0,
  syncedEntries: 0,
  localOnly: [],
  unreadableItems: 0,
  received: 0,
};

/** A stored report read back (it is shared storage: checked, not trusted). */
export function readSyncReport(stored: unknown): SyncReport | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const report = stored as Partial<SyncReport>;
  if (!['synced', 'off', 'error'].includes(String(report.state))) return null;
  return {
    ...EMPTY_REPORT,
    state: report.state ?? 'synced',
    at: typeof report.at === 'number' ? report.at : 0,
    syncedEntries: typeof report.syncedEntries === 'number' ? report.syncedEntries : 0,
    localOnly: Array.isArray(report.localOnly) ? report.localOnly.slice(0, 10_000) : [],
    unreadableItems: typeof report.unreadableItems === 'number' ? report.unreadableItems : 0,
    received: typeof report.received === 'number' ? report.received : 0,
    ...(typeof report.error === 'string' ? { error: report.error.slice(0, 500) } : {}),
  };
}

export async function syncReadingList(
  db: PaperPeekDatabase,
  area: SyncArea,
  now: number,
): Promise<SyncReport> {
  const report: SyncReport = { ...EMPTY_REPORT, at: now };
  let stored: Record<string, unknown>;
  try {
    stored = await area.get(null);
  } catch (error) {
    return {
      ...report,
      state: 'error',
      error: `Could not read browser sync: ${errorMessage(error)}`,
    };
  }

  const remote = new Map<string, SideState>();
  const foreign = { bytes: 0, items: 0 };
  const unreadable = new Set<string>();
  for (const [key, value] of Object.entries(stored)) {
    const state = key.startsWith(SYNC_KEY_PREFIX)
      ? readSyncedItem(key.slice(SYNC_KEY_PREFIX.length), value)
      : null;
    if (state) {
      remote.set(key.slice(SYNC_KEY_PREFIX.length), state);
      continue;
    }
    // Not ours, or not readable by this version: it keeps its place and its bytes.
    if (key.startsWith(SYNC_KEY_PREFIX)) unreadable.add(key);
    foreign.bytes += itemBytes(key, value);
    foreign.items += 1;
  }

  // Local side: read, merged and written in one transaction, so an edit made meanwhile in the
  // popup is either merged or made after; never overwritten with an older copy.
  const merged = new Map<string, SideState>();
  const oldestRemoval = now - TOMBSTONE_DAYS * 86_400_000;
  await db.transaction('rw', db.readingList, db.readingListRemovals, async () => {
    const entries = await db.readingList.toArray();
    const removals = await db.readingListRemovals.toArray();
    const local = new Map<string, SideState>();
    for (const entry of entries) local.set(entry.paperId, { entry });
    for (const { paperId, removedAt } of removals) {
      local.set(paperId, { ...local.get(paperId), removedAt });
    }
    const puts: ReadingListEntry[] = [];
    const deletes: string[] = [];
    const removalPuts: { paperId: string; removedAt: number }[] = [];
    const removalDeletes: string[] = [];
    for (const paperId of new Set([...local.keys(), ...remote.keys()])) {
      const mine = local.get(paperId) ?? {};
      const state = mergeStates(mine, remote.get(paperId) ?? {});
      merged.set(paperId, state);
      if (state.entry && JSON.stringify(state.entry) !== JSON.stringify(mine.entry)) {
        puts.push(state.entry);
        report.received += 1;
      }
      if (!state.entry && mine.entry) {
        deletes.push(paperId);
        report.received += 1;
      }
      const keepRemoval =
        !state.entry && state.removedAt !== undefined && state.removedAt >= oldestRemoval;
      if (keepRemoval && state.removedAt !== mine.removedAt) {
        removalPuts.push({ paperId, removedAt: state.removedAt ?? now });
      } else if (!keepRemoval && mine.removedAt !== undefined) {
        removalDeletes.push(paperId);
      }
    }
    await db.readingList.bulkPut(puts);
    await db.readingList.bulkDelete(deletes);
    await db.readingListRemovals.bulkPut(removalPuts);
    await db.readingListRemovals.bulkDelete(removalDeletes);
  });

  report.unreadableItems = unreadable.size;
  const plan = planSyncItems(merged, now, foreign, unreadable);
  report.localOnly = plan.localOnly;
  report.syncedEntries = [...plan.items.values()].filter((item) => !('rm' in item)).length;
  const toSet: Record<string, unknown> = {};
  for (const [key, item] of plan.items) {
    if (JSON.stringify(stored[key]) !== JSON.stringify(item)) toSet[key] = item;
  }
  const toRemove = [...remote.keys()]
    .map((paperId) => SYNC_KEY_PREFIX + paperId)
    .filter((key) => !plan.items.has(key));
  try {
    // Removals first: the plan fits the quota only once they are gone.
    if (toRemove.length > 0) await area.remove(toRemove);
    if (Object.keys(toSet).length > 0) await area.set(toSet);
  } catch (error) {
    return {
      ...report,
      state: 'error',
      error: `Could not write to browser sync: ${errorMessage(error)}`,
    };
  }
  return report;
}

/**
 * Runs passes one at a time: a request during a pass gets one more pass after it, and passes
 * start at least `minGapMs` apart (`storage.sync` allows 120 writes a minute and 1,800 an hour;
 * a pass writes at most twice).
 */
export function createSyncScheduler(
  pass: () => Promise<void>,
  {
    minGapMs = 4_000,
    now = Date.now,
    wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  } = {},
): { request(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  let lastStart = Number.NEGATIVE_INFINITY;

  async function loop(): Promise<void> {
    do {
      again = false;
      const gap = lastStart + minGapMs - now();
      if (gap > 0) await wait(gap);
      lastStart = now();
      try {
        await pass();
      } catch {
        // The pass reports its own failures; one that throws anyway must not stop later passes.
      }
    } while (again);
  }

  return {
    request() {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
