import { describe, expect, it, vi } from 'vitest';
import type { ReadingListEntry } from '@/lib/db';
import { listEntries, removeEntry, restoreEntry, updateEntry } from '@/lib/reading-list/store';
import { createSyncScheduler, syncReadingList, type SyncArea } from '@/lib/reading-list/sync';
import { itemBytes, SYNC_QUOTA, toSyncedEntry } from '@/lib/reading-list/sync-merge';
import { databasePerTest } from '../../helpers/db';
import { readingEntry } from '../../helpers/digests';

/** An in-memory `storage.sync` that enforces Chrome's quotas the way Chrome does: it throws. */
function fakeSyncArea(): SyncArea & { items: Record<string, unknown>; writes: number } {
  const area = {
    items: {} as Record<string, unknown>,
    writes: 0,
    async get() {
      return structuredClone(area.items);
    },
    async set(items: Record<string, unknown>) {
      const next = { ...area.items, ...structuredClone(items) };
      const sizes = Object.entries(next).map(([key, value]) => itemBytes(key, value));
      if (sizes.some((size) => size > SYNC_QUOTA.bytesPerItem))
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      if (sizes.reduce((sum, size) => sum + size, 0) > SYNC_QUOTA.totalBytes)
        throw new Error('QUOTA_BYTES quota exceeded');
      if (sizes.length > SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
      area.writes += 1;
      area.items = next;
    },
    async remove(keys: string[]) {
      area.writes += 1;
      area.items = Object.fromEntries(
        Object.entries(area.items).filter(([key]) => !keys.includes(key)),
      );
    },
  };
  return area;
}

const entry = (paperId: string, overrides: Partial<ReadingListEntry> = {}) =>
  readingEntry({ paperId, arxivId: paperId, title: `Paper ${paperId}`, addedAt: 1, ...overrides });

const visible = (entries: ReadingListEntry[]) => entries.map(({ clock: _clock, ...rest }) => rest);

describe('reading-list sync between two browsers', () => {
  const laptop = databasePerTest();
  const desktop = databasePerTest();

  async function syncBoth(area: SyncArea, at: number): Promise<void> {
    await syncReadingList(laptop, area, at);
    await syncReadingList(desktop, area, at + 1);
    await syncReadingList(laptop, area, at + 2);
  }

  it('brings an entry saved on one browser to the other, with its note, tags and status', async () => {
    const area = fakeSyncArea();
    await laptop.readingList.put(
      entry('2005.14165', { note: 'read §3', tags: ['llm'], status: 'read' }),
    );
    const report = await syncReadingList(laptop, area, 10);
    expect(report).toMatchObject({ state: 'synced', syncedEntries: 1, localOnly: [] });
    const received = await syncReadingList(desktop, area, 11);
    expect(received.received).toBe(1);
    expect(visible(await listEntries(desktop))).toEqual(visible(await listEntries(laptop)));
  });

  it('merges concurrent edits field by field: the later edit of each field wins', async () => {
    const area = fakeSyncArea();
    await laptop.readingList.put(entry('2005.14165'));
    await syncBoth(area, 2);
    // Offline at the same time: the laptop writes a note, the desktop tags and marks read, and
    // wrote an older note before the laptop's.
    await updateEntry(laptop, '2005.14165', { note: 'laptop note' }, 20);
    await updateEntry(desktop, '2005.14165', { note: 'desktop note' }, 15);
    await updateEntry(desktop, '2005.14165', { tags: ['to-cite'], status: 'read' }, 21);
    await syncBoth(area, 30);
    await syncReadingList(desktop, area, 40);
    for (const db of [laptop, desktop]) {
      expect(await db.readingList.get('2005.14165')).toMatchObject({
        note: 'laptop note',
        tags: ['to-cite'],
        status: 'read',
      });
    }
  });

  it('carries a removal to the other browser, and a later re-add back again', async () => {
    const area = fakeSyncArea();
    await laptop.readingList.bulkPut([entry('2005.14165'), entry('1706.03762')]);
    await syncBoth(area, 2);
    expect(await desktop.readingList.count()).toBe(2);

    await removeEntry(desktop, '2005.14165', 50);
    await syncReadingList(desktop, area, 51);
    await syncReadingList(laptop, area, 52);
    expect((await listEntries(laptop)).map((row) => row.paperId)).toEqual(['1706.03762']);
    expect(await laptop.readingListRemovals.get('2005.14165')).toEqual({
      paperId: '2005.14165',
      removedAt: 50,
    });

    // Saved again later on the laptop: it comes back on the desktop too.
    await laptop.readingList.put(entry('2005.14165', { addedAt: 60 }));
    await syncReadingList(laptop, area, 61);
    await syncReadingList(desktop, area, 62);
    expect(await desktop.readingList.get('2005.14165')).toMatchObject({ addedAt: 60 });
    expect(await desktop.readingListRemovals.count()).toBe(0);
  });

  it('lets an Undo after a synced removal restore the entry everywhere, notes included', async () => {
    const area = fakeSyncArea();
    await laptop.readingList.put(entry('2005.14165', { note: 'keep me', tags: ['a'] }));
    await syncBoth(area, 2);
    const removed = await removeEntry(laptop, '2005.14165', 10);
    await syncBoth(area, 11);
    expect(await desktop.readingList.count()).toBe(0);
    if (!removed) throw new Error('nothing removed');
    await restoreEntry(laptop, removed, 20);
    await syncBoth(area, 21);
    expect(await desktop.readingList.get('2005.14165')).toMatchObject({
      note: 'keep me',
      tags: ['a'],
    });
  });

  it('keeps a removal over an older or concurrent edit that did not re-add the entry', async () => {
    const area = fakeSyncArea();
    await laptop.readingList.put(entry('2005.14165'));
    await syncBoth(area, 2);
    await removeEntry(laptop, '2005.14165', 20);
    await updateEntry(desktop, '2005.14165', { note: 'edited offline' }, 21);
    await syncBoth(area, 30);
    expect(await laptop.readingList.count()).toBe(0);
    expect(await desktop.readingList.count()).toBe(0);
  });

  it('never takes a missing item for a removal', async () => {
    const area = fakeSyncArea();
    await laptop.readingList.put(entry('2005.14165'));
    await syncBoth(area, 2);
    area.items = {}; // sync storage cleared (another device's sync turned off, the user reset it)
    await syncReadingList(desktop, area, 10);
    expect(await desktop.readingList.count()).toBe(1);
    expect(Object.keys(area.items)).toEqual(['rl:2005.14165']);
  });
});

describe('sync within the storage.sync quotas', () => {
  const db = databasePerTest();

  it('syncs the newest entries that fit, keeps the rest on this browser and says so', async () => {
    const area = fakeSyncArea();
    const note = 'n'.repeat(1_500);
    await db.readingList.bulkPut(
      Array.from({ length: 120 }, (_, index) =>
        entry(`slug-${String(index).padStart(3, '0')}`, { addedAt: index, note }),
      ),
    );
    const before = await db.readingList.toArray();
    const report = await syncReadingList(db, area, 1_000);
    expect(report.state).toBe('synced');
    expect(report.syncedEntries).toBeGreaterThan(40);
    expect(report.syncedEntries + report.localOnly.length).toBe(120);
    expect(report.localOnly.every((item) => item.reason === 'quota')).toBe(true);
    // The oldest stay local; the newest are synced.
    expect(report.localOnly.map((item) => item.paperId)).toContain('slug-000');
    expect(area.items['rl:slug-119']).toBeDefined();
    expect(await db.readingList.toArray()).toEqual(before);
  });

  it('keeps an entry whose note alone exceeds 8 KB on this browser, unaltered', async () => {
    const area = fakeSyncArea();
    const long = entry('2005.14165', { note: 'x'.repeat(9_000) });
    await db.readingList.bulkPut([long, entry('1706.03762')]);
    const report = await syncReadingList(db, area, 5);
    expect(report.localOnly).toEqual([{ paperId: '2005.14165', reason: 'too-large' }]);
    expect(report.syncedEntries).toBe(1);
    expect(await db.readingList.get('2005.14165')).toEqual(long);
  });

  it('writes only what changed, in at most one set and one remove', async () => {
    const area = fakeSyncArea();
    await db.readingList.bulkPut([entry('2005.14165'), entry('1706.03762')]);
    await syncReadingList(db, area, 5);
    expect(area.writes).toBe(1);
    await syncReadingList(db, area, 6);
    expect(area.writes).toBe(1);
    await removeEntry(db, '1706.03762', 7);
    await updateEntry(db, '2005.14165', { note: 'x' }, 7);
    await syncReadingList(db, area, 8);
    expect(area.writes).toBe(2);
  });

  it('reports a failed write and leaves the local list as it was', async () => {
    const area = fakeSyncArea();
    area.set = vi.fn().mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE exceeded'));
    await db.readingList.put(entry('2005.14165', { note: 'mine' }));
    const before = await db.readingList.toArray();
    const report = await syncReadingList(db, area, 5);
    expect(report).toMatchObject({ state: 'error' });
    expect(report.error).toMatch(/MAX_WRITE_OPERATIONS_PER_MINUTE/);
    expect(await db.readingList.toArray()).toEqual(before);
  });
});

describe('items from other browsers are untrusted', () => {
  const db = databasePerTest();

  it.each([
    ['a newer format', { v: 2, t: 'Future' }],
    ['a javascript: link', { ...toSyncedEntry(entry('x')), l: ['javascript:alert(1)'] }],
    ['a negative time', { ...toSyncedEntry(entry('x')), p: -5 }],
    ['no title', { ...toSyncedEntry(entry('x')), t: '' }],
    ['a string', 'rm'],
    ['a removal without a time', { v: 1, rm: 'yesterday' }],
  ])('leaves %s untouched and changes nothing here', async (_label, value) => {
    const area = fakeSyncArea();
    area.items = { 'rl:2005.14165': value };
    await db.readingList.put(entry('2005.14165', { note: 'mine' }));
    const before = await db.readingList.toArray();
    const report = await syncReadingList(db, area, 5);
    expect(report.unreadableItems).toBe(1);
    expect(report.localOnly).toEqual([{ paperId: '2005.14165', reason: 'unreadable' }]);
    expect(await db.readingList.toArray()).toEqual(before);
    expect(area.items['rl:2005.14165']).toEqual(value);
  });

  it('renders a hostile title as the text it is', async () => {
    const area = fakeSyncArea();
    area.items = {
      'rl:slug-1': { ...toSyncedEntry(entry('slug-1')), t: '<img src=x onerror=alert(1)>\u202e' },
    };
    await syncReadingList(db, area, 5);
    expect((await db.readingList.get('slug-1'))?.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the sync scheduler', () => {
  it('runs one pass at a time, once more for requests made during a pass, spaced apart', async () => {
    let time = 0;
    const starts: number[] = [];
    let finish: () => void = () => undefined;
    const pass = vi.fn(async () => {
      starts.push(time);
      await new Promise<void>((resolve) => (finish = resolve));
    });
    const waits: number[] = [];
    const scheduler = createSyncScheduler(pass, {
      minGapMs: 4_000,
      now: () => time,
      wait: async (ms) => {
        waits.push(ms);
        time += ms;
      },
    });
    const first = scheduler.request();
    for (let i = 0; i < 5; i += 1) void scheduler.request();
    time = 1_000;
    finish();
    await vi.waitFor(() => expect(pass).toHaveBeenCalledTimes(2));
    finish();
    await first;
    expect(starts).toEqual([0, 4_000]);
    expect(waits).toEqual([3_000]);
  });
});
