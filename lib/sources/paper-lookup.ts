/**
 * A paper for a hovered arXiv or venue link that no digest has. Owns: the order of places asked
 * (the digest, then the cache of earlier answers, then, when the user allows it, the arXiv API,
 * OpenReview or OpenAlex) and the cache's lifetimes. Never: calls the network for a paper the digest has, or when lookups
 * are switched off.
 */
import type { PaperPeekDatabase } from '../db';
import { getPaperRow } from '../digest/shelves';
import type { Paper } from '../digest/schema';
import type { MissingReason, VenueMissingReason } from '../content/card/view';
import type { VenueKey } from '../links/venue';
import type { AtomPaper } from './arxiv-api';
import { FeedError } from './http';
import { venueQuery, type AskVenue, type VenueAnswer, type VenueService } from './venue-api';

/** A found paper is kept this long; "arXiv does not know it" for a day (it may appear). */
export const FOUND_TTL_MS = 30 * 86_400_000;
export const MISSING_TTL_MS = 86_400_000;

export interface LookupDependencies {
  db: PaperPeekDatabase;
  enabled: () => Promise<boolean>;
  askArxiv: (arxivId: string) => Promise<AtomPaper | null>;
  now?: () => number;
}

export type LookedUp = { paper: Paper; from: 'digest' | 'arxiv' } | { missing: MissingReason };

export async function lookUpPaper(arxivId: string, deps: LookupDependencies): Promise<LookedUp> {
  const { db, now = Date.now } = deps;
  const row = await getPaperRow(db, arxivId);
  if (row) {
    const { sourceId: _sourceId, ...paper } = row;
    return { paper, from: 'digest' };
  }
  const cached = await db.arxivLookups.get(arxivId);
  const age = cached ? now() - cached.fetchedAt : Infinity;
  if (cached?.paper && age < FOUND_TTL_MS) return { paper: cached.paper, from: 'arxiv' };
  if (cached && !cached.paper && age < MISSING_TTL_MS) return { missing: 'not-on-arxiv' };
  if (!(await deps.enabled())) return { missing: 'lookups-off' };
  let found: AtomPaper | null;
  try {
    found = await deps.askArxiv(arxivId);
  } catch (error) {
    // Not cached: the next hover (or Retry) asks again.
    const busy = error instanceof FeedError && (error.status === 429 || error.status === 503);
    return { missing: busy ? 'rate-limited' : 'unreachable' };
  }
  await db.arxivLookups.put({
    id: arxivId,
    fetchedAt: now(),
    ...(found ? { paper: found.paper } : {}),
    ...(found?.primaryCategory ? { primaryCategory: found.primaryCategory } : {}),
  });
  return found ? { paper: found.paper, from: 'arxiv' } : { missing: 'not-on-arxiv' };
}

export interface VenueLookupDependencies {
  db: PaperPeekDatabase;
  enabled: () => Promise<boolean>;
  askVenue: AskVenue;
  now?: () => number;
}

export type VenueLookedUp =
  | { paper: Paper; from: 'digest' | VenueService }
  | { missing: VenueMissingReason; service: VenueService; title?: string };

/**
 * A paper for a hovered venue link that no digest paper lists, in the order of places asked of
 * arXiv links: the digest (by the arXiv version a service names), the cache of earlier answers
 * (the same table and lifetimes), then, when the user allows look-ups, OpenReview or OpenAlex.
 * Null for a key no service answers.
 */
export async function lookUpVenuePaper(
  key: VenueKey,
  deps: VenueLookupDependencies,
): Promise<VenueLookedUp | null> {
  const { db, now = Date.now } = deps;
  const query = venueQuery(key);
  if (!query) return null;
  const { service } = query;
  /** The digest's paper when a found paper has an arXiv version the digest holds. */
  const same = async (paper: Paper): Promise<VenueLookedUp> => {
    const row = paper.arxivId ? await getPaperRow(db, paper.arxivId) : undefined;
    if (!row) return { paper, from: service };
    const { sourceId: _sourceId, ...digestPaper } = row;
    return { paper: digestPaper, from: 'digest' };
  };
  const cached = await db.arxivLookups.get(key);
  const age = cached ? now() - cached.fetchedAt : Infinity;
  if (cached?.paper && age < FOUND_TTL_MS) return same(cached.paper);
  if (cached && !cached.paper && age < MISSING_TTL_MS) {
    return cached.titleOnly
      ? { missing: 'no-abstract', service, title: cached.titleOnly }
      : { missing: 'not-found', service };
  }
  if (!(await deps.enabled())) return { missing: 'lookups-off', service };
  let answer: VenueAnswer;
  try {
    answer = await deps.askVenue(key);
  } catch (error) {
    const busy = error instanceof FeedError && (error.status === 429 || error.status === 503);
    return { missing: busy ? 'rate-limited' : 'unreachable', service };
  }
  const fetchedAt = now();
  if (answer && 'paper' in answer) {
    const { paper } = answer;
    await db.transaction('rw', db.arxivLookups, async () => {
      await db.arxivLookups.put({ id: key, paper, fetchedAt });
      // Saved under its own id, as an arXiv look-up is; an arXiv answer already kept stays.
      if (!(await db.arxivLookups.get(paper.id))?.paper)
        await db.arxivLookups.put({ id: paper.id, paper, fetchedAt });
    });
    return same(paper);
  }
  const titleOnly = answer?.noAbstract;
  await db.arxivLookups.put({ id: key, fetchedAt, ...(titleOnly ? { titleOnly } : {}) });
  return titleOnly
    ? { missing: 'no-abstract', service, title: titleOnly }
    : { missing: 'not-found', service };
}
