/**
 * The background's paper service. Owns: answering the message protocol from the database and
 * keeping the bundled digest loaded. Never: writes the reading list during a digest load, or
 * answers a lookup from a half-applied digest (loads are transactions; lookups wait for them).
 */
import Dexie from 'dexie';
import type { PaperPeekDatabase } from './db';
import { loadDigest, type LoadResult } from './digest/load';
import type { Paper } from './digest/schema';
import type { DigestStatus, Handlers } from './messages';
import type { PaperKey } from './paper-key';

export const BUNDLED_SOURCE_ID = 'bundled';

export interface PaperService extends Handlers {
  /** Applies the bundled digest unless that exact revision is already loaded. */
  ensureBundledDigest(): Promise<LoadResult>;
}

export function createPaperService(
  db: PaperPeekDatabase,
  options: { bundledDigest: () => unknown | Promise<unknown> },
): PaperService {
  let bundledLoad: Promise<LoadResult> | null = null;

  // A worker that was stopped and woken may find the connection closed (by a version change or
  // by the browser); Dexie then throws DatabaseClosedError instead of reopening by itself.
  async function withOpenDatabase<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Dexie.DatabaseClosedError)) throw error;
      await db.open();
      return work();
    }
  }

  async function ensureBundledDigest(): Promise<LoadResult> {
    bundledLoad ??= (async () => {
      try {
        return await withOpenDatabase(async () =>
          loadDigest(db, await options.bundledDigest(), BUNDLED_SOURCE_ID),
        );
      } finally {
        bundledLoad = null;
      }
    })();
    return bundledLoad;
  }

  async function lookup({ keys }: { keys: PaperKey[] }): Promise<Partial<Record<PaperKey, Paper>>> {
    await bundledLoad; // never answer while a load is being applied
    return withOpenDatabase(async () => {
      const arxivKeys = keys.filter((key) => key.startsWith('arxiv:'));
      const githubKeys = keys.filter((key) => key.startsWith('github:'));
      const found: Partial<Record<PaperKey, Paper>> = {};
      const rows = await db.papers.bulkGet(arxivKeys.map((key) => key.slice('arxiv:'.length)));
      rows.forEach((row, index) => {
        const key = arxivKeys[index];
        if (row && key) found[key] = withoutSource(row);
      });
      if (githubKeys.length > 0) {
        const repos = githubKeys.map((key) => key.slice('github:'.length));
        const byRepo = await db.papers.where('repos').anyOf(repos).toArray();
        for (const row of byRepo) {
          for (const repo of row.repos) {
            const key: PaperKey = `github:${repo}`;
            // Several papers may share a repo: the newest (or, undated, the first) wins.
            const current = found[key];
            if (githubKeys.includes(key) && (!current || isNewer(row, current))) {
              found[key] = withoutSource(row);
            }
          }
        }
      }
      return found;
    });
  }

  async function status(): Promise<DigestStatus> {
    await bundledLoad;
    return withOpenDatabase(async () => ({
      paperCount: await db.papers.count(),
      sources: await db.sources.toArray(),
    }));
  }

  return { ensureBundledDigest, lookup, status };
}

function isNewer(a: Paper, b: Paper): boolean {
  return (a.publishedAt ?? '') > (b.publishedAt ?? '');
}

function withoutSource(row: Paper & { sourceId?: string }): Paper {
  const { sourceId: _sourceId, ...paper } = row;
  return paper;
}
