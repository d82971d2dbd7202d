/**
 * The second search stage: Fuse.js rescores the first candidates and gives the title's highlight
 * ranges. Owns: the Fuse.js settings (title weighted 3, authors and repos 1). Never: sees more
 * than RANKED_POOL candidates (it costs about 40 µs per candidate and query word).
 */
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { SearchRecord } from './record';

/** Candidates Fuse.js rescores; the rest follow in the candidate stage's order. */
export const RANKED_POOL = 100;

export interface RankedCandidate {
  index: number;
  /** [start, end) ranges of the title to highlight. */
  titleRanges: [number, number][];
}

/** The first RANKED_POOL of `pool` that Fuse.js keeps for `text`, best first. */
export function rankCandidates(
  record: SearchRecord,
  pool: readonly number[],
  text: string,
): RankedCandidate[] {
  const items = pool.slice(0, RANKED_POOL).map((index) => ({
    index,
    title: record.titles[index] ?? '',
    authors: record.authors[index] ?? '',
    repos: record.repos[index] ?? '',
  }));
  const fuse = new Fuse(items, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'authors', weight: 1 },
      { name: 'repos', weight: 1 },
    ],
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.45,
  });
  return fuse
    .search(text)
    .map((result) => ({ index: result.item.index, titleRanges: titleRanges(result.matches) }));
}

function titleRanges(matches: readonly FuseResultMatch[] | undefined): [number, number][] {
  const title = matches?.find((match) => match.key === 'title');
  return (title?.indices ?? [])
    .filter(([start, end]) => end - start >= 1)
    .map(([start, end]): [number, number] => [start, end + 1]);
}
