/**
 * Paper search for the popup. Owns: putting the stages together: query parsing (query.ts),
 * candidates (candidates.ts), Fuse.js ranking (ranking.ts), filters, a pasted id or repo first,
 * and the papers found by words of their abstracts after the rest. Never: reads database rows
 * (the caller fetches rows for the visible results only).
 *
 * Fuse.js alone scans every paper per keystroke; see docs/ARCHITECTURE.md for the measurements
 * behind the split.
 */
import { createCandidateFinder } from './candidates';
import { MIN_QUERY_LENGTH, parseQuery, type ParsedQuery } from './query';
import { rankCandidates } from './ranking';
import type { SearchRecord } from './record';

export interface SearchHit {
  index: number;
  id: string;
  /** [start, end) ranges of the title to highlight. */
  titleRanges: [number, number][];
  /** Found by words of its abstract, not of its title, authors or repos. */
  inAbstract?: true;
}

export interface Searcher {
  search(input: string, limit?: number): SearchHit[];
  /**
   * `hits` (from `search`) followed, up to `limit`, by the papers whose abstracts have the
   * query's words (`matches`, from the abstract index), newest first and through the filters.
   */
  withAbstractMatches(
    input: string,
    hits: SearchHit[],
    matches: readonly number[],
    limit?: number,
  ): SearchHit[];
}

export function createSearcher(record: SearchRecord, savedIds: ReadonlySet<string>): Searcher {
  const candidates = createCandidateFinder(record);
  // Only a pasted id needs it: built on first use, not while the popup opens.
  let indexOfId: Map<string, number> | null = null;
  const indexOf = (id: string) => {
    indexOfId ??= new Map(record.ids.map((paperId, index) => [paperId, index]));
    return indexOfId.get(id);
  };
  const passesFilters = (query: ParsedQuery, index: number): boolean => {
    const year = record.years[index] ?? 0;
    if (query.yearFrom !== undefined && (year < query.yearFrom || year > (query.yearTo ?? year)))
      return false;
    if (query.author && !(record.authors[index] ?? '').toLowerCase().includes(query.author))
      return false;
    if (query.hasCode && !record.repos[index]) return false;
    if (query.isSaved && !savedIds.has(record.ids[index] ?? '')) return false;
    return true;
  };

  return {
    withAbstractMatches(input, hits, matches, limit = 50) {
      const query = parseQuery(input);
      const shown = new Set(hits.map((hit) => hit.index));
      const found = [...hits];
      // Walks the papers newest first until enough match: tens of thousands of matches for a
      // common word cost one pass over marks, not a sort.
      const matched = new Uint8Array(record.ids.length);
      for (const index of matches) matched[index] = 1;
      for (const index of record.newest) {
        if (found.length >= limit) break;
        if (matched[index] && !shown.has(index) && passesFilters(query, index)) {
          found.push({ index, id: record.ids[index] ?? '', titleRanges: [], inAbstract: true });
        }
      }
      return found;
    },
    search(input, limit = 50) {
      const query = parseQuery(input);
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const add = (index: number, titleRanges: [number, number][] = []) => {
        if (seen.has(index) || !passesFilters(query, index)) return;
        seen.add(index);
        hits.push({ index, id: record.ids[index] ?? '', titleRanges });
      };

      if (query.exact?.arxivId) {
        const index = indexOf(query.exact.arxivId);
        if (index !== undefined) add(index, [[0, (record.titles[index] ?? '').length]]);
      }
      if (query.exact?.repo) {
        record.repos.forEach((repos, index) => {
          if (repos.split(' ').includes(query.exact?.repo ?? '')) add(index);
        });
      }
      // One character names nothing yet (and would match most of a large digest): the newest
      // papers stay on screen until the second.
      const typed = query.text.length >= MIN_QUERY_LENGTH;
      if (!typed || (query.exact && hits.length > 0)) {
        if (!typed) for (const index of record.newest) if (hits.length < limit) add(index);
        return hits.slice(0, limit);
      }

      const pool = candidates(query.text).filter((index) => passesFilters(query, index));
      // Fuse.js rescores the first of them; the rest follow in the candidate stage's order.
      for (const { index, titleRanges } of rankCandidates(record, pool, query.text)) {
        add(index, titleRanges);
      }
      // uFuzzy matched these but Fuse scored them out: keep them, after the ranked ones.
      for (const index of pool) add(index);
      return hits.slice(0, limit);
    },
  };
}
