/**
 * Reading-list entries. Owns: the copy of a paper that an entry keeps, so that the entry
 * survives the paper leaving the digest. Never: links an entry to a digest row by reference.
 */
import type { ReadingListEntry } from '../db';
import type { Paper } from '../digest/schema';

export function entryFromPaper(paper: Paper, addedAt: number): ReadingListEntry {
  const entry: ReadingListEntry = {
    paperId: paper.id,
    title: paper.title,
    authors: [...paper.authors],
    repos: [...paper.repos],
    links: [...paper.links],
    addedAt,
    status: 'unread',
    tags: [],
    note: '',
  };
  if (paper.arxivId) entry.arxivId = paper.arxivId;
  return entry;
}
