/**
 * Work written as a generator that yields between steps: run at once (tests, small digests, old
 * rows read back), or with a pause between steps (the worker, which must not stall).
 */

export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` to the end with `pause` between them. */
export async function inSteps<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
