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
