/**
 * Reading-list sync rules, as plain functions. Owns: the compact record an entry becomes in
 * `storage.sync`, reading such records back from untrusted storage, merging two copies of an
 * entry field by field, and choosing what fits the sync quotas. Never: touches storage itself
 * (lib/reading-list/sync.ts does), or treats a missing record as a removal: only a tombstone
 * removes an entry on another device.
 *
 * Merge rules: each of status, tags and note carries the time it was last set, and the later
 * one wins (equal times: the larger value, so every device picks the same). An entry is present
 * when it was last added or restored after it was last removed.
 */
import type { EntryClock, ReadingListEntry } from '../db';
import { readHttpUrl } from '../digest/schema';
import { canonicalArxivId } from '../links/arxiv-id';
import { parseRepoSlug } from '../links/github';
import { normaliseText } from '../text/normalise';

/** `storage.sync` quotas (Chrome's; Firefox's are the same or larger). */
export const SYNC_QUOTA = {
  totalBytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
} as const;
/** Left free for the browser's own bookkeeping and for rounding in its byte counts. */
const SAFETY_BYTES = 2_048;
/** A removal is remembered this long: a device offline for longer may bring the entry back. */
export const TOMBSTONE_DAYS = 60;
export const SYNC_KEY_PREFIX = 'rl:';

/** An entry as stored in `storage.sync`: short keys, because the whole list shares 100 KB. */
export interface SyncedEntry {
  v: 1;
  /** Paper copy: title, authors, arXiv id, repos, links. */
  t: string;
  a: string[];
  x?: string;
  r?: string[];
  l?: string[];
  /** Added (first saved) at. */
  d: number;
  /** Present since: the last add or restore. */
  p: number;
  /** Status: 1 read, 0 unread; and when it was set. */
  s: 0 | 1;
  st: number;
  g: string[];
  gt: number;
  n: string;
  nt: number;
}

export interface SyncedRemoval {
  v: 1;
  /** Removed at. */
  rm: number;
}

export type SyncedItem = SyncedEntry | SyncedRemoval;

/** One paper's state on one side: an entry, a removal, or both (an entry re-added later). */
export interface SideState {
  entry?: ReadingListEntry;
  removedAt?: number;
}

export function clockOf(entry: ReadingListEntry): EntryClock {
  return {
    present: entry.clock?.present ?? entry.addedAt,
    status: entry.clock?.status ?? entry.addedAt,
    tags: entry.clock?.tags ?? entry.addedAt,
    note: entry.clock?.note ?? entry.addedAt,
  };
}

export function toSyncedEntry(entry: ReadingListEntry): SyncedEntry {
  const clock = clockOf(entry);
  const item: SyncedEntry = {
    v: 1,
    t: entry.title,
    a: entry.authors,
    d: entry.addedAt,
    p: clock.present,
    s: entry.status === 'read' ? 1 : 0,
    st: clock.status,
    g: entry.tags,
    gt: clock.tags,
    n: entry.note,
    nt: clock.note,
  };
  if (entry.arxivId) item.x = entry.arxivId;
  if (entry.repos.length > 0) item.r = entry.repos;
  if (entry.links.length > 0) item.l = entry.links;
  return item;
}

/**
 * Reads an item another device (or anything else) wrote. Anything malformed gives null and is
 * left alone: it never changes the local list.
 */
export function readSyncedItem(paperId: string, raw: unknown): SideState | null {
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return null;
  const item = raw as Record<string, unknown>;
  const time = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  if ('rm' in item) {
    const removedAt = time(item.rm);
    return removedAt === null ? null : { removedAt };
  }
  const strings = (value: unknown, read: (text: string) => string | null, max: number) => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length > max) return null;
    const values = value.map((text) => (typeof text === 'string' ? read(text) : null));
    return values.every((text) => text !== null) ? (values as string[]) : null;
  };
  const title = typeof item.t === 'string' ? normaliseText(item.t, 500) : '';
  const authors = strings(item.a, (name) => normaliseText(name, 200) || null, 200);
  const repos = strings(item.r, parseRepoSlug, 50);
  const links = strings(item.l, readHttpUrl, 50);
  const tags = strings(item.g, (tag) => normaliseText(tag, 60) || null, 200);
  const [addedAt, present, statusAt, tagsAt, noteAt] = [
    item.d,
    item.p,
    item.st,
    item.gt,
    item.nt,
  ].map(time);
  if (
    !title ||
    !authors ||
    !repos ||
    !links ||
    !tags ||
    typeof item.n !== 'string' ||
    (item.s !== 0 && item.s !== 1) ||
    addedAt == null ||
    present == null ||
    statusAt == null ||
    tagsAt == null ||
    noteAt == null
  ) {
    return null;
  }
  const entry: ReadingListEntry = {
    paperId,
    title,
    authors,
    repos,
    links,
    addedAt,
    status: item.s === 1 ? 'read' : 'unread',
    tags,
    note: item.n.slice(0, 10_000),
    clock: { present, status: statusAt, tags: tagsAt, note: noteAt },
  };
  const arxivId = typeof item.x === 'string' ? canonicalArxivId(item.x) : null;
  if (arxivId) entry.arxivId = arxivId;
  return { entry };
}

/** The later of two field values; equal times pick the larger value, the same on every device. */
function later<T>(mine: T, mineAt: number, theirs: T, theirsAt: number): [T, number] {
  if (mineAt !== theirsAt) return mineAt > theirsAt ? [mine, mineAt] : [theirs, theirsAt];
  return JSON.stringify(mine) >= JSON.stringify(theirs) ? [mine, mineAt] : [theirs, theirsAt];
}

/** Both sides' states of one paper merged: an entry if it is present, else its removal time. */
export function mergeStates(local: SideState, remote: SideState): SideState {
  const removedAt = Math.max(local.removedAt ?? -1, remote.removedAt ?? -1);
  const entry = mergeEntries(local.entry, remote.entry);
  const merged: SideState = {};
  if (removedAt >= 0) merged.removedAt = removedAt;
  if (entry && clockOf(entry).present > removedAt) merged.entry = entry;
  return merged;
}

function mergeEntries(
  local: ReadingListEntry | undefined,
  remote: ReadingListEntry | undefined,
): ReadingListEntry | undefined {
  if (!local || !remote) return local ?? remote;
  // The same entry on both sides (the usual case) stays exactly the local row.
  if (JSON.stringify(toSyncedEntry(local)) === JSON.stringify(toSyncedEntry(remote))) return local;
  const mine = clockOf(local);
  const theirs = clockOf(remote);
  const [status, statusAt] = later(local.status, mine.status, remote.status, theirs.status);
  const [tags, tagsAt] = later(local.tags, mine.tags, remote.tags, theirs.tags);
  const [note, noteAt] = later(local.note, mine.note, remote.note, theirs.note);
  // The paper copy is the one saved first: both are copies of the same paper.
  const copy = remote.addedAt < local.addedAt ? remote : local;
  return {
    ...copy,
    status,
    tags,
    note,
    clock: {
      present: Math.max(mine.present, theirs.present),
      status: statusAt,
      tags: tagsAt,
      note: noteAt,
    },
  };
}

/** Bytes an item costs against the quotas: its key plus its value as JSON, as Chrome counts. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/**
 * Why an entry stays on this browser: its item would exceed 8 KB, the list no longer fits, or
 * its slot holds an item this version cannot read (written by a newer PaperPeek, say).
 */
export type LocalOnlyReason = 'too-large' | 'quota' | 'unreadable';

export interface SyncPlan {
  /** Every item `storage.sync` should hold, by key. */
  items: Map<string, SyncedItem>;
  /** Entries that stay on this device, and why. */
  localOnly: { paperId: string; reason: LocalOnlyReason }[];
}

/**
 * What goes to `storage.sync`: every recent removal first (they are tiny, and a removal that
 * does not travel would let another device push the entry back), then entries, most recently
 * added first, while they fit. `foreignBytes`/`foreignItems`: what other keys already use.
 */
export function planSyncItems(
  states: Map<string, SideState>,
  now: number,
  foreign: { bytes: number; items: number } = { bytes: 0, items: 0 },
  untouchable: ReadonlySet<string> = new Set(),
): SyncPlan {
  const items = new Map<string, SyncedItem>();
  const localOnly: SyncPlan['localOnly'] = [];
  let bytes = foreign.bytes;
  let count = foreign.items;
  const budget = SYNC_QUOTA.totalBytes - SAFETY_BYTES;
  const fits = (key: string, value: SyncedItem) => {
    if (untouchable.has(key)) return 'unreadable';
    const size = itemBytes(key, value);
    if (size > SYNC_QUOTA.bytesPerItem) return 'too-large';
    if (bytes + size > budget || count + 1 > SYNC_QUOTA.maxItems) return 'quota';
    bytes += size;
    count += 1;
    items.set(key, value);
    return 'ok';
  };
  const oldestRemoval = now - TOMBSTONE_DAYS * 86_400_000;
  const removals = [...states]
    .filter(([, state]) => !state.entry && (state.removedAt ?? -1) >= oldestRemoval)
    .sort(([, a], [, b]) => (b.removedAt ?? 0) - (a.removedAt ?? 0));
  for (const [paperId, state] of removals) {
    fits(SYNC_KEY_PREFIX + paperId, { v: 1, rm: state.removedAt ?? 0 });
  }
  const entries = [...states]
    .flatMap(([, state]) => (state.entry ? [state.entry] : []))
    .sort((a, b) => b.addedAt - a.addedAt || (a.paperId < b.paperId ? -1 : 1));
  for (const entry of entries) {
    const verdict = fits(SYNC_KEY_PREFIX + entry.paperId, toSyncedEntry(entry));
    if (verdict !== 'ok') localOnly.push({ paperId: entry.paperId, reason: verdict });
  }
  return { items, localOnly };
}
