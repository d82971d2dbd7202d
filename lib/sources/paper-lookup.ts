/**
 * A paper for a hovered arXiv link that no digest has. Owns: the order of places asked (the
 * digest, then the cache of earlier answers, then, when the user allows it, the arXiv API) and
 * the cache's lifetimes. Never: calls the network for a paper the digest has, or when lookups
 * are switched off.
 */
import type { PaperPeekDatabase } from '../db';
import { getPaperRow } from '../digest/shelves';
import type { Paper } from '../digest/schema';
import type { MissingReason } from '../content/card/view';
import type { AtomPaper } from './arxiv-api';
import { FeedError } from './http';

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
