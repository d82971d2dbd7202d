/**
 * The scheduled refresh of every live source. Owns: the alarm and its interval. Never: refreshes
 * itself (the job queue does), or pushes the next refresh back when the worker merely wakes up.
 */
import type { BrowserEvent } from './events';

/** The alarm that refreshes every live source; its name is shared with the tests that hold it. */
export const REFRESH_ALARM = 'refresh-digest';

/** The slice of `browser.alarms` the schedule needs. */
export interface RefreshAlarms {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void>;
}

/**
 * Keeps the refresh alarm at the chosen interval. An alarm already at that interval is left
 * alone, so a worker waking up does not push the next refresh back; a new or changed one first
 * fires a minute from now, not in the middle of installing.
 */
export async function scheduleRefresh(alarms: RefreshAlarms, refreshHours: number): Promise<void> {
  const periodInMinutes = refreshHours * 60;
  const existing = await alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes });
}

export interface RefreshAlarmBrowser {
  alarms: RefreshAlarms & { onAlarm: BrowserEvent<(alarm: { name: string }) => void> };
}

export interface RefreshAlarmDependencies {
  /** The interval the user chose on the options page. */
  refreshHours: () => Promise<number>;
  /** Calls back when the source settings change (the interval may have). */
  watchSettings: (changed: () => void) => void;
  refreshAll: () => Promise<unknown>;
}

export function registerRefreshAlarm(
  browser: RefreshAlarmBrowser,
  deps: RefreshAlarmDependencies,
): void {
  const reschedule = () =>
    deps
      .refreshHours()
      .then((hours) => scheduleRefresh(browser.alarms, hours))
      .catch((error: unknown) => console.error('PaperPeek alarm:', error));
  void reschedule();
  deps.watchSettings(() => void reschedule());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    deps.refreshAll().catch((error: unknown) => console.error('PaperPeek refresh failed:', error));
  });
}
