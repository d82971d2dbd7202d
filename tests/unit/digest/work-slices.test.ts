import { describe, expect, it } from 'vitest';
import { nextTask, slicedPause } from '@/lib/digest/work-slices';

describe('work slices', () => {
  it('yield only once a slice of time is used up, then start a new slice', async () => {
    let time = 0;
    let yields = 0;
    const pause = slicedPause(
      20,
      () => time,
      async () => void (yields += 1),
    );
    for (const at of [1, 10, 19]) {
      time = at;
      await pause();
    }
    expect(yields).toBe(0);
    time = 20;
    await pause();
    expect(yields).toBe(1);
    time = 39;
    await pause();
    expect(yields).toBe(1);
    time = 45;
    await pause();
    expect(yields).toBe(2);
  });

  it('resume in a later task, after every queued microtask', async () => {
    const order: string[] = [];
    const task = nextTask().then(() => order.push('task'));
    void Promise.resolve()
      .then(() => order.push('microtask'))
      .then(() => order.push('chained microtask'));
    await task;
    expect(order).toEqual(['microtask', 'chained microtask', 'task']);
  });
});
