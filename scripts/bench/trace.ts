/**
 * Attributes main-thread work to the extension with a Chromium trace: a task counts as the
 * extension's when it runs the extension's script (its FunctionCall / EvaluateScript events
 * carry a chrome-extension:// URL). The page's own long tasks are not the extension's doing.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; frame?: string } };
}

export interface ExtensionWork {
  /** Main-thread time inside the extension's script, in ms. */
  scriptMs: number;
  /** The longest task that ran the extension's script, in ms (the whole task, page work included). */
  longestTaskMs: number;
  /**
   * The most of the extension's own script in one task, in ms. A content script injected at
   * document_start runs inside the parser's task, which then parses the page's first chunk
   * (seconds, on a 50,000-link page): `longestTaskMs` counts that parse as the extension's.
   */
  ownLongestInTaskMs: number;
  tasks: number;
}

/** The events of a Chromium trace of `categories` taken while `action` runs on `page`. */
export async function traceDuring(
  page: Page,
  categories: string[],
  action: () => Promise<void>,
): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on(
    'Tracing.dataCollected',
    ({ value }) => void events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories },
    transferMode: 'ReportEvents',
  });
  await action();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

export async function traceExtensionWork(
  page: Page,
  action: () => Promise<void>,
): Promise<ExtensionWork> {
  const events = await traceDuring(
    page,
    ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
    action,
  );

  const ours = (event: TraceEvent) =>
    event.args?.data?.url?.startsWith('chrome-extension://') ?? false;
  const scripts = events.filter(
    (e) =>
      e.ph === 'X' &&
      (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile') &&
      ours(e),
  );
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  let longest = 0;
  let ownLongest = 0;
  let count = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inTask = scripts
      .filter((s) => s.tid === task.tid && s.pid === task.pid && s.ts >= task.ts && s.ts < end)
      .sort((a, b) => a.ts - b.ts);
    if (inTask.length === 0) continue;
    count += 1;
    longest = Math.max(longest, (task.dur ?? 0) / 1000);
    // Nested events once: the union of the script spans inside this task.
    let ownUs = 0;
    let covered = 0;
    for (const s of inTask) {
      const from = Math.max(s.ts, covered);
      const to = Math.min(s.ts + (s.dur ?? 0), end);
      if (to > from) ownUs += to - from;
      covered = Math.max(covered, to);
    }
    ownLongest = Math.max(ownLongest, ownUs / 1000);
  }
  // Nested script events (a FunctionCall inside an EvaluateScript) are counted once.
  let scriptUs = 0;
  const coveredUntil = new Map<string, number>();
  for (const s of [...scripts].sort((a, b) => a.ts - b.ts)) {
    const thread = `${s.pid}:${s.tid}`;
    const start = Math.max(s.ts, coveredUntil.get(thread) ?? 0);
    const end = s.ts + (s.dur ?? 0);
    if (end > start) scriptUs += end - start;
    coveredUntil.set(thread, Math.max(end, coveredUntil.get(thread) ?? 0));
  }
  return {
    scriptMs: round(scriptUs / 1000),
    longestTaskMs: round(longest),
    ownLongestInTaskMs: round(ownLongest),
    tasks: count,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
