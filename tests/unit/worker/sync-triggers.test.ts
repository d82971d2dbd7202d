import { describe, expect, it, vi } from 'vitest';
import { SYNC_REPORT_KEY } from '@/lib/reading-list/sync';
import { SETTINGS_KEY } from '@/lib/settings';
import { registerSyncTriggers } from '@/lib/worker/sync-triggers';
import { databasePerTest } from '../../helpers/db';
import { fakeEvent } from '../../helpers/fake-events';

/** `storage.local` and `storage.sync` as maps; every sync write is counted. */
function fakeStorage() {
  const local = new Map<string, unknown>();
  const sync = new Map<string, unknown>();
  const syncReads = vi.fn();
  const onChanged = fakeEvent<(changes: Record<string, unknown>, areaName: string) => void>();
  const area = (map: Map<string, unknown>) => ({
    get: async (keys: string | string[] | null) => {
      if (map === sync) syncReads();
      const wanted = keys === null ? [...map.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(
        wanted.filter((key) => map.has(key)).map((key) => [key, map.get(key)]),
      );
    },
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) map.set(key, value);
    },
    remove: async (keys: string[]) => keys.forEach((key) => map.delete(key)),
  });
  return { storage: { local: area(local), sync: area(sync), onChanged }, local, syncReads };
}

describe('reading-list sync triggers, registered on a fake browser', () => {
  const db = databasePerTest();
  const now = () => Date.now();

  it('runs a pass at start, after a sync change from elsewhere and a settings change, not for others', async () => {
    const browser = fakeStorage();
    registerSyncTriggers(browser, db, { minGapMs: 0, now, wait: async () => undefined });
    await vi.waitFor(() =>
      expect(browser.local.get(SYNC_REPORT_KEY)).toMatchObject({ state: 'synced' }),
    );
    expect(browser.syncReads).toHaveBeenCalledTimes(1);

    browser.storage.onChanged.fire({ unrelated: {} }, 'local');
    browser.storage.onChanged.fire({ 'other-extension-key': {} }, 'sync');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(browser.syncReads).toHaveBeenCalledTimes(1);

    browser.storage.onChanged.fire({ 'rl:2005.14165': {} }, 'sync');
    await vi.waitFor(() => expect(browser.syncReads).toHaveBeenCalledTimes(2));
    browser.storage.onChanged.fire({ [SETTINGS_KEY]: {} }, 'local');
    await vi.waitFor(() => expect(browser.syncReads).toHaveBeenCalledTimes(3));
  });

  it('returns a way to ask for a pass (after a save or a popup edit)', async () => {
    const browser = fakeStorage();
    const request = registerSyncTriggers(browser, db, {
      minGapMs: 0,
      now,
      wait: async () => undefined,
    });
    await vi.waitFor(() => expect(browser.syncReads).toHaveBeenCalledTimes(1));
    request();
    await vi.waitFor(() => expect(browser.syncReads).toHaveBeenCalledTimes(2));
  });
});
