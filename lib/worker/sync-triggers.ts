/**
 * When the reading list syncs: at start, when another browser wrote to `storage.sync`, when sync
 * is turned on or off, and whenever a context asks (a save, a popup edit). Owns: those triggers.
 * Never: runs two passes at once (the scheduler coalesces requests).
 */
import type { PaperPeekDatabase } from '../db';
import { createSyncScheduler, runSyncPass, type SyncPassDependencies } from '../reading-list/sync';
import { SYNC_KEY_PREFIX } from '../reading-list/sync-merge';
import { SETTINGS_KEY } from '../settings';
import type { BrowserEvent } from './events';

export interface SyncTriggerBrowser {
  storage: {
    local: SyncPassDependencies['local'];
    sync: SyncPassDependencies['sync'];
    onChanged: BrowserEvent<(changes: Record<string, unknown>, areaName: string) => void>;
  };
}

/** Starts the first pass and returns how to ask for another. */
export function registerSyncTriggers(
  browser: SyncTriggerBrowser,
  db: PaperPeekDatabase,
  schedulerOptions?: Parameters<typeof createSyncScheduler>[1],
): () => void {
  const { local, sync } = browser.storage;
  const scheduler = createSyncScheduler(async () => {
    await runSyncPass(db, { local, sync });
  }, schedulerOptions);
  const request = () => void scheduler.request();
  request();
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    if (
      (area === 'sync' && keys.some((key) => key.startsWith(SYNC_KEY_PREFIX))) ||
      (area === 'local' && keys.includes(SETTINGS_KEY))
    ) {
      request();
    }
  });
  return request;
}
