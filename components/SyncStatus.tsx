import type { SyncReport } from '@/lib/reading-list/sync';

export interface SyncStatusProps {
  report: SyncReport | null;
  enabled: boolean;
  setEnabled(enabled: boolean): void;
}

const entriesText = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

const REASONS = {
  quota: 'browser sync holds about 100 KB, and the list no longer fits',
  'too-large': 'their notes are too long for one sync item (8 KB)',
  unreadable: 'another browser stored them in a format this version cannot read',
} as const;

/** Whether the reading list syncs, and what stays on this browser when it does not all fit. */
export function SyncStatus({
  report,
  enabled,
  setEnabled,
  entryCount,
}: SyncStatusProps & { entryCount: number }) {
  const reasons = [...new Set(report?.localOnly.map((item) => item.reason) ?? [])];
  // Counted from the list as it is now: the last pass's figure lags behind a removal until the
  // next pass (passes are seconds apart), and a count that disagrees with the list looks wrong.
  const synced = Math.max(0, entryCount - (report?.localOnly.length ?? 0));
  return (
    <div class="sync">
      <label class="sync__toggle">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled((event.target as HTMLInputElement).checked)}
        />
        Sync across my browsers
      </label>
      <p class="muted sync__state" role="status">
        {!enabled
          ? 'Off: the list stays on this browser.'
          : !report || report.state === 'off'
            ? 'Syncing…'
            : report.state === 'error'
              ? `Sync failed: ${report.error ?? 'unknown error'}. Your list is safe on this browser.`
              : report.localOnly.length === 0
                ? `Synced through your browser's sync (${entriesText(synced)}).`
                : `${synced} synced; ${report.localOnly.length} stay on this browser only: ${reasons.map((reason) => REASONS[reason]).join('; ')}.`}
      </p>
    </div>
  );
}
