/**
 * The reader's own main-thread work, measured where it runs: each stretch that does not yield
 * is a `paperpeek:own:<what>` performance measure, which `npm run bench -- reader` reads to
 * tell the reader's tasks from PDF.js's painting in the same window. A measure costs well under
 * a microsecond; nothing else reads them.
 */
export function ownWork<T>(what: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`paperpeek:own:${what}`, { start, end: performance.now() });
  }
}
