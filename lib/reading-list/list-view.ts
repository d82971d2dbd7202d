/**
 * What the reading list shows: which entries pass the filters, in which order, and the short
 * facts of a row. Owns: filtering and sorting. Never: changes an entry.
 */
import type { ReadingListEntry } from '../db';
import { arxivIdMonth } from '../links/arxiv-id';

export type StatusFilter = 'all' | 'unread' | 'read';
export type EntryOrder = 'saved' | 'published';

export interface EntryFilter {
  text: string;
  status: StatusFilter;
  /** '' for any tag. */
  tag: string;
}

export function filterEntries(
  entries: readonly ReadingListEntry[],
  { text, status, tag }: EntryFilter,
): ReadingListEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      (status === 'all' || entry.status === status) &&
      (!tag || entry.tags.includes(tag)) &&
      (!needle ||
        `${entry.title} ${entry.authors.join(' ')} ${entry.note} ${entry.tags.join(' ')}`
          .toLowerCase()
          .includes(needle)),
  );
}

/**
 * Newest saved first, or newest published first. Entries keep no publication date: a new-style
 * arXiv id names its month, and within a month the higher id is the later paper; entries
 * without one (old-style ids, other papers) follow, newest saved first.
 */
export function sortEntries(
  entries: readonly ReadingListEntry[],
  order: EntryOrder,
): ReadingListEntry[] {
  const bySaved = (a: ReadingListEntry, b: ReadingListEntry) => b.addedAt - a.addedAt;
  if (order === 'saved') return [...entries].sort(bySaved);
  // "1999-01|hep-th/9901001": the month first, so that old-style ids sort among new ones.
  const published = (entry: ReadingListEntry) => {
    const month = arxivIdMonth(entry.arxivId);
    return month
      ? `${month.year}-${String(month.month).padStart(2, '0')}|${entry.arxivId ?? ''}`
      : '';
  };
  return [...entries].sort((a, b) => {
    const [left, right] = [published(a), published(b)];
    if (left !== right) return left < right ? 1 : -1;
    return bySaved(a, b);
  });
}

/** "Brown et al. · 2020": the first author's surname and the year, where known. */
export function entryByline(entry: ReadingListEntry): string {
  const [first] = entry.authors;
  const surname = first?.trim().split(/\s+/).at(-1) ?? '';
  const who = surname ? `${surname}${entry.authors.length > 1 ? ' et al.' : ''}` : '';
  const year = arxivIdMonth(entry.arxivId)?.year;
  return [who, year].filter(Boolean).join(' · ');
}

/** The tags in use, sorted, for the tag filter. */
export function tagsOf(entries: readonly ReadingListEntry[]): string[] {
  return [...new Set(entries.flatMap((entry) => entry.tags))].sort();
}
