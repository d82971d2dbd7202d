/**
 * The worker's digest jobs: refreshes, file imports and clearing, one at a time. Owns: the job
 * queue, the progress record the options page shows, keeping the worker alive while a job runs,
 * noticing a job that a stopped worker never finished, and the staging of a file import that
 * arrives in chunks. Never: writes papers outside the queue (apply plans on what it read, so two
 * writers would undo each other), or keeps an import's papers once it is applied or abandoned.
 */
import { applyValidPapers, recordFailure, type LoadResult } from '../digest/load';
import { readPaper, type Paper } from '../digest/schema';
import type { ApplyProgress } from '../digest/apply';
import { putMetaRows, searchRows, type PaperPeekDatabase } from '../db';
import type { ImportSummary, RefreshOutcome } from '../protocol/messages';
import type { Endpoints, SourceSettings } from './source-settings';
import { refreshFeed, refreshHuggingFace, type RefreshDependencies } from './refresh';
import { BUNDLED_SOURCE_ID, feedSourceId, HF_SOURCE_ID, IMPORT_SOURCE_ID } from './source';

export const JOB_KEY = 'digestJob';
const MAX_STAGED_PAPERS = 200_000;
const PROGRESS_EVERY_MS = 250;
const KEEP_ALIVE_MS = 20_000;

/** What the options page shows while a job runs (stored under JOB_KEY; null when idle). */
export interface DigestJob {
  label: string;
  sourceId: string;
  startedAt: number;
  phase: 'fetching' | ApplyProgress['phase'];
  done: number;
  total: number;
}

export interface JobDependencies {
  db: PaperPeekDatabase;
  /** `storage.local`: the job record lives there. */
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  sourceSettings: () => Promise<SourceSettings>;
  endpoints: () => Promise<Endpoints>;
  /** Whether the user granted the host of a custom feed. */
  mayFetch: (url: string) => Promise<boolean>;
  /** Any extension API call: Chrome keeps a worker that makes them alive. */
  keepAlive: () => Promise<unknown>;
  fetch?: typeof fetch;
  now?: () => number;
  pause?: () => Promise<void>;
  timeoutMs?: number;
  /** Called when a job changed the digest (the popup and cards may want to know). */
  changed?: () => void;
}

export function createDigestJobs(deps: JobDependencies) {
  const { db, local, now = Date.now } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const staged = new Map<string, { label: string; papers: Map<string, Paper>; skipped: number }>();

  /** Runs jobs one after another; a failed job does not stop the next. */
  function enqueue<T>(
    label: string,
    sourceId: string,
    job: (progress: ProgressSink) => Promise<T>,
  ) {
    const run = queue.then(() => runJob(label, sourceId, job));
    queue = run.catch(() => undefined);
    return run;
  }

  async function runJob<T>(
    label: string,
    sourceId: string,
    job: (progress: ProgressSink) => Promise<T>,
  ): Promise<T> {
    const record: DigestJob = {
      label,
      sourceId,
      startedAt: now(),
      phase: 'fetching',
      done: 0,
      total: 0,
    };
    let lastWrite = 0;
    const write = () => local.set({ [JOB_KEY]: { ...record } }).catch(() => undefined);
    await write();
    const alive = setInterval(() => void deps.keepAlive().catch(() => undefined), KEEP_ALIVE_MS);
    const progress: ProgressSink = ({ phase, done, total }) => {
      // A new phase is shown at once; progress within one at most every PROGRESS_EVERY_MS.
      const newPhase = record.phase !== phase;
      Object.assign(record, { phase, done, total });
      // Not awaited: inside a transaction only IndexedDB may be awaited.
      if (newPhase || now() - lastWrite >= PROGRESS_EVERY_MS || done === total) {
        lastWrite = now();
        void write();
      }
    };
    try {
      return await job(progress);
    } finally {
      clearInterval(alive);
      await local.set({ [JOB_KEY]: null }).catch(() => undefined);
      deps.changed?.();
    }
  }

  const refreshDeps = (progress: ProgressSink): RefreshDependencies => ({
    db,
    now,
    onProgress: progress,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.pause ? { pause: deps.pause } : {}),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });

  /** Runs `work` in the queue, without a job record (the bundled digest's quick load). */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    exclusive,

    /**
     * A job record left by a worker that was stopped in the middle: its transaction never
     * committed, so the previous digest is whole; the source says what happened. Call it when
     * the worker starts, before anything else is queued.
     */
    recoverInterrupted(): Promise<DigestJob | null> {
      // In the queue, before any job of this worker writes its own record.
      return exclusive(async () => {
        const left = (await local.get(JOB_KEY))[JOB_KEY] as DigestJob | null | undefined;
        if (!left || typeof left.sourceId !== 'string') return null;
        await recordFailure(
          db,
          left.sourceId,
          `Interrupted: the browser stopped PaperPeek during "${String(left.label).slice(0, 100)}". The previous papers are still in use; try again.`,
          now(),
        );
        await local.set({ [JOB_KEY]: null });
        return left;
      });
    },

    /** Every enabled source, one after another. */
    refreshAll(): Promise<RefreshOutcome[]> {
      return enqueue('Refreshing papers', HF_SOURCE_ID, async (progress) => {
        const settings = await deps.sourceSettings();
        const endpoints = await deps.endpoints();
        const outcomes: RefreshOutcome[] = [];
        if (settings.huggingFace) {
          outcomes.push(await refreshHuggingFace(endpoints.huggingFace, refreshDeps(progress)));
        }
        for (const feed of settings.feeds) {
          if (!(await deps.mayFetch(feed))) {
            const message = 'Not allowed to read this feed: grant its site on the options page.';
            await recordFailure(db, feedSourceId(feed), message, now());
            outcomes.push({
              sourceId: feedSourceId(feed),
              ok: false,
              message,
              added: 0,
              updated: 0,
            });
            continue;
          }
          outcomes.push(await refreshFeed(feed, refreshDeps(progress)));
        }
        return outcomes;
      });
    },

    /** Starts an import that arrives in chunks (a large file does not fit in one message). */
    beginImport(label: string): string {
      const importId = crypto.randomUUID();
      // One import at a time: a new one replaces an abandoned one.
      staged.clear();
      staged.set(importId, { label: label.slice(0, 200), papers: new Map(), skipped: 0 });
      return importId;
    },

    /** Validates and stages a chunk; nothing is written until `commitImport`. */
    stageImport(importId: string, chunk: unknown[]): { accepted: number; skipped: number } {
      const stage = staged.get(importId);
      if (!stage) throw new Error('This import is no longer open: start it again.');
      let accepted = 0;
      for (const raw of chunk) {
        const paper = readPaper(raw, 'paper', []);
        if (!paper || stage.papers.size >= MAX_STAGED_PAPERS) stage.skipped += 1;
        else {
          stage.papers.set(paper.id, paper);
          accepted += 1;
        }
      }
      return { accepted, skipped: stage.skipped };
    },

    commitImport(importId: string): Promise<ImportSummary> {
      const stage = staged.get(importId);
      if (!stage)
        return Promise.reject(new Error('This import is no longer open: start it again.'));
      staged.delete(importId);
      return enqueue(`Importing ${stage.label}`, IMPORT_SOURCE_ID, async (progress) => {
        const result: LoadResult = await applyValidPapers(
          db,
          [...stage.papers.values()],
          IMPORT_SOURCE_ID,
          {
            mode: 'accumulate',
            now,
            onProgress: progress,
            ...(deps.pause ? { pause: deps.pause } : {}),
          },
        );
        if (!result.ok) throw new Error(result.problems.join(' '));
        return {
          added: result.summary?.added ?? 0,
          updated: result.summary?.updated ?? 0,
          paperCount: result.summary?.paperCount ?? 0,
          skipped: stage.skipped,
        };
      });
    },

    /**
     * Removes every paper (the reading list is a separate table and is not touched). The
     * bundled digest stays cleared until an update ships a new one.
     */
    clearDigest(): Promise<void> {
      return enqueue('Clearing the digest', BUNDLED_SOURCE_ID, async () => {
        await db.transaction(
          'rw',
          [db.shelves, db.meta, db.abstractIndex, db.sources, db.arxivLookups, db.paperDetails],
          async () => {
            const bundled = await db.sources.get(BUNDLED_SOURCE_ID);
            await db.shelves.clear();
            await db.abstractIndex.clear();
            await db.arxivLookups.clear();
            await db.paperDetails.clear();
            await putMetaRows(db.meta, searchRows([], crypto.randomUUID()));
            await db.sources.clear();
            if (bundled?.revision) {
              await db.sources.put({
                id: BUNDLED_SOURCE_ID,
                revision: bundled.revision,
                paperCount: 0,
                lastSuccessAt: now(),
              });
            }
          },
        );
      });
    },
  };
}

type ProgressSink = (progress: ApplyProgress) => void;

export type DigestJobs = ReturnType<typeof createDigestJobs>;
