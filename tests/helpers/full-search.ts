/**
 * PaperPeek's search as the popup runs it, over papers held in memory: the title-side search,
 * then, when it found fewer than `limit`, the abstract index (its rows as the worker writes
 * them, read from memory instead of IndexedDB). For tests and the search benchmark.
 */
import type { Paper } from '../../lib/digest/schema';
import { buildAbstractIndex } from '../../lib/search/abstract-index-builder';
import { createAbstractLookup } from '../../lib/search/abstract-lookup';
import { inputWords } from '../../lib/search/query';
import { buildSearchRecord } from '../../lib/search/record';
import { createSearcher, type SearchHit } from '../../lib/search/searcher';

export function searchWithAbstracts(papers: readonly Paper[], stamp = 'in-memory') {
  const record = buildSearchRecord(papers, stamp);
  const rows = new Map(
    buildAbstractIndex(
      papers.map((paper) => paper.abstract),
      stamp,
    ).map((row) => [row.bucket, row]),
  );
  const lookup = createAbstractLookup((bucket) => Promise.resolve(rows.get(bucket)), stamp);
  const engine = createSearcher(record, new Set());
  return {
    record,
    engine,
    lookup,
    async search(input: string, limit = 30): Promise<SearchHit[]> {
      const hits = engine.search(input, limit);
      const words = hits.length < limit ? inputWords(input) : [];
      const found = words.length > 0 ? await lookup(words) : null;
      return found ? engine.withAbstractMatches(input, hits, found, limit) : hits;
    },
  };
}
