/**
 * Refreshing the digest from the network: Hugging Face Daily Papers and custom feeds.
 * Owns: which URLs to ask (a 7-day backfill the first time, the days since the last success
 * after), conditional requests, merging the answers, and recording the outcome on the source.
 * Never: writes a paper before every answer is parsed and validated, or throws: every failure
 * ends as the source's `lastError`, and the previous digest keeps serving.
 */
import { applyPapers, type ApplyOptions } from '../digest/apply';
import { errorMessage, recordFailure } from '../digest/load';
import type { Paper } from '../digest/schema';
import type { PaperPeekDatabase } from '../db';
import type { RefreshOutcome } from '../protocol/messages';
import { feedSourceId, HF_SOURCE_ID, type SourceState } from './source';
import { papersFromJson } from './formats';
import { fetchFeed, FeedError, hostOf, type Validators } from './http';

/** Papers a refreshed source keeps at most (the oldest leave first; saved ones never). */
export const DEFAULT_CAP = 20_000;
export const BACKFILL_DAYS = 7;
const DAY_MS = 86_400_000;
const MAX_VALIDATORS = 16;

export interface RefreshDependencies {
  db: PaperPeekDatabase;
  fetch?: typeof fetch;
  now?: () => number;
  cap?: number;
  timeoutMs?: number;
  pause?: ApplyOptions['pause'];
  onProgress?: ApplyOptions['onProgress'];
}

/** `YYYY-MM-DD` in UTC, the form the Daily Papers API takes. */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The URLs of a Hugging Face refresh, oldest day first and the latest (no date) last, so that
 * when a paper appears twice the newest answer wins. The first refresh backfills the last
 * BACKFILL_DAYS days; later ones ask again from the day of the last success (it may have grown).
 */
export function huggingFaceUrls(base: string, now: number, lastSuccessAt?: number): string[] {
  const since = lastSuccessAt === undefined ? null : dayOf(lastSuccessAt);
  const urls: string[] = [];
  for (let back = BACKFILL_DAYS - 1; back >= 1; back -= 1) {
    const day = dayOf(now - back * DAY_MS);
    if (since === null || day >= since) urls.push(withDate(base, day));
  }
  urls.push(base);
  return urls;
}

function withDate(base: string, day: string): string {
  const url = new URL(base);
  url.searchParams.set('date', day);
  return url.href;
}

export async function refreshHuggingFace(
  base: string,
  deps: RefreshDependencies,
): Promise<RefreshOutcome> {
  const { db, now = Date.now } = deps;
  const state = await db.sources.get(HF_SOURCE_ID);
  return refreshFrom(
    HF_SOURCE_ID,
    huggingFaceUrls(base, now(), state?.lastSuccessAt),
    state,
    deps,
    {
      name: 'Hugging Face',
    },
  );
}

export async function refreshFeed(url: string, deps: RefreshDependencies): Promise<RefreshOutcome> {
  const sourceId = feedSourceId(url);
  return refreshFrom(sourceId, [url], await deps.db.sources.get(sourceId), deps, {
    name: hostOf(url),
  });
}

async function refreshFrom(
  sourceId: string,
  urls: string[],
  state: SourceState | undefined,
  deps: RefreshDependencies,
  { name }: { name: string },
): Promise<RefreshOutcome> {
  const { db, now = Date.now } = deps;
  const failed = (message: string): Promise<RefreshOutcome> =>
    recordFailure(db, sourceId, message, now()).then(() => ({
      sourceId,
      ok: false,
      message,
      added: 0,
      updated: 0,
    }));

  const papers = new Map<string, Paper>();
  const validators: Record<string, Validators> = { ...state?.validators };
  const errors: string[] = [];
  let empty = 0;
  let unchanged = 0;
  let droppedFields = 0;
  // A PaperPeek digest from a feed is the whole set: it replaces the source's papers.
  let replaces = false;
  // One request at a time: a refresh is a handful of small answers, and servers prefer it.
  for (const url of urls) {
    try {
      const answer = await fetchFeed(url, {
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
        validators: state?.validators?.[url] ?? {},
      });
      if (answer.kind === 'not-modified') {
        unchanged += 1;
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(answer.text);
      } catch {
        throw new FeedError(`${hostOf(url)} sent something that is not JSON.`);
      }
      if (Array.isArray(json) && json.length === 0) {
        empty += 1;
        validators[url] = answer.validators;
        continue;
      }
      const parsed = papersFromJson(json);
      if (!parsed.ok) {
        throw new FeedError(
          `${hostOf(url)} sent no usable paper: ${parsed.problems.slice(0, 3).join('; ')}`,
        );
      }
      replaces ||= parsed.format === 'paperpeek-digest';
      droppedFields += parsed.dropped.length;
      for (const paper of parsed.papers) papers.set(paper.id, paper);
      validators[url] = answer.validators;
    } catch (error) {
      errors.push(error instanceof FeedError ? error.message : errorMessage(error));
    }
  }

  if (papers.size === 0) {
    if (errors.length > 0) return failed(summarise(errors, urls.length));
    if (unchanged === 0 && empty > 0) return failed(`${name} answered with no papers.`);
    // Everything answered "not modified": a success that changes nothing.
    await db.sources.put({
      ...(state ?? { id: sourceId, paperCount: 0 }),
      lastCheckedAt: now(),
      lastSuccessAt: now(),
    });
    return { sourceId, ok: true, message: 'No new papers.', added: 0, updated: 0 };
  }

  try {
    const summary = await applyPapers(db, [...papers.values()], {
      sourceId,
      mode: replaces ? 'replace' : 'accumulate',
      cap: deps.cap ?? DEFAULT_CAP,
      now,
      sourceFacts: { validators: recent(validators, urls), lastCheckedAt: now(), droppedFields },
      ...(deps.pause ? { pause: deps.pause } : {}),
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    });
    const message = `${summary.added} new, ${summary.updated} updated${
      summary.evicted ? `, ${summary.evicted} oldest removed (cap)` : ''
    }${droppedFields ? `, ${droppedFields} unusable ${droppedFields === 1 ? 'field' : 'fields'} dropped` : ''}.`;
    if (errors.length > 0) {
      // What did arrive is applied; what did not is the source's error until the next success.
      const partial = `${message} ${summarise(errors, urls.length)}`;
      await recordFailure(db, sourceId, partial, now());
      return { sourceId, ok: false, message: partial, ...summary };
    }
    return { sourceId, ok: true, message, added: summary.added, updated: summary.updated };
  } catch (error) {
    return failed(`Could not store the papers: ${errorMessage(error)}`);
  }
}

function summarise(errors: string[], requests: number): string {
  const distinct = [...new Set(errors)];
  const prefix = requests > 1 ? `${errors.length} of ${requests} requests failed: ` : '';
  return `${prefix}${distinct.slice(0, 3).join(' ')}`;
}

/** Validators of the URLs asked this time and a few before: the map cannot grow for ever. */
function recent(
  validators: Record<string, Validators>,
  urls: string[],
): Record<string, Validators> {
  const keep = [...new Set([...urls, ...Object.keys(validators).reverse()])].slice(
    0,
    MAX_VALIDATORS,
  );
  return Object.fromEntries(
    keep.flatMap((url) => (validators[url] ? [[url, validators[url]] as const] : [])),
  );
}
