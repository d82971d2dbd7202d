/**
 * Long jobs in the worker (applying a digest, filling in details) run in slices so that messages
 * and events are answered between them. Owns: how a job yields. Never: yields inside an
 * IndexedDB transaction (a transaction with nothing pending commits).
 */

/**
 * Resolves in a later task, so that whatever is queued runs first. Not `setTimeout(0)`: nested
 * timers are clamped to 4 ms, and 400 pauses of an import of 100,000 papers spent 1.7 s waiting.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * A pause for a job that calls it often: it yields only once `sliceMs` of work has run since the
 * last yield, and otherwise lets the job go on at once.
 */
export function slicedPause(
  sliceMs = 20,
  clock: () => number = () => performance.now(),
  yieldNow: () => Promise<void> = nextTask,
): () => Promise<void> {
  let sliceStart = clock();
  return async () => {
    if (clock() - sliceStart < sliceMs) return;
    await yieldNow();
    sliceStart = clock();
  };
}
