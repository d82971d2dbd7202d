import { describe, expect, it, vi } from 'vitest';
import {
  REFRESH_ALARM,
  registerRefreshAlarm,
  scheduleRefresh,
  type RefreshAlarms,
} from '@/lib/worker/refresh-alarm';
import { fakeEvent } from '../../helpers/fake-events';

function fakeAlarms(periodInMinutes?: number) {
  const created: { delayInMinutes: number; periodInMinutes: number }[] = [];
  const alarms: RefreshAlarms = {
    get: async (name) =>
      name === REFRESH_ALARM && periodInMinutes !== undefined ? { periodInMinutes } : undefined,
    create: async (_name, info) => {
      created.push(info);
      periodInMinutes = info.periodInMinutes;
    },
  };
  return { alarms, created };
}

describe('the refresh schedule', () => {
  it('creates the alarm a minute from now when there is none', async () => {
    const { alarms, created } = fakeAlarms();
    await scheduleRefresh(alarms, 6);
    expect(created).toEqual([{ delayInMinutes: 1, periodInMinutes: 360 }]);
  });

  it('leaves an alarm at the chosen interval alone, so a waking worker does not postpone it', async () => {
    const { alarms, created } = fakeAlarms(360);
    await scheduleRefresh(alarms, 6);
    expect(created).toEqual([]);
  });

  it('replaces an alarm when the interval changes', async () => {
    const { alarms, created } = fakeAlarms(360);
    await scheduleRefresh(alarms, 1);
    expect(created).toEqual([{ delayInMinutes: 1, periodInMinutes: 60 }]);
  });
});

describe('the refresh alarm, registered on a fake browser', () => {
  function register(hours: number) {
    const { alarms, created } = fakeAlarms();
    const onAlarm = fakeEvent<(alarm: { name: string }) => void>();
    let settingsChanged: () => void = () => undefined;
    const refreshAll = vi.fn(async () => []);
    const deps = {
      refreshHours: async () => hours,
      watchSettings: (changed: () => void) => void (settingsChanged = changed),
      refreshAll,
    };
    registerRefreshAlarm({ alarms: { ...alarms, onAlarm } }, deps);
    return {
      created,
      onAlarm,
      refreshAll,
      changeHours(next: number) {
        hours = next;
        settingsChanged();
      },
    };
  }

  it('schedules at the chosen interval and refreshes when its alarm fires', async () => {
    const worker = register(6);
    await vi.waitFor(() =>
      expect(worker.created).toEqual([{ delayInMinutes: 1, periodInMinutes: 360 }]),
    );
    worker.onAlarm.fire({ name: 'some-other-alarm' });
    expect(worker.refreshAll).not.toHaveBeenCalled();
    worker.onAlarm.fire({ name: REFRESH_ALARM });
    expect(worker.refreshAll).toHaveBeenCalledTimes(1);
  });

  it('reschedules when the interval setting changes', async () => {
    const worker = register(6);
    await vi.waitFor(() => expect(worker.created).toHaveLength(1));
    worker.changeHours(1);
    await vi.waitFor(() =>
      expect(worker.created.at(-1)).toEqual({ delayInMinutes: 1, periodInMinutes: 60 }),
    );
  });
});
