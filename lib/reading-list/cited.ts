/**
 * What an export knows of each entry's paper: the entry's own copy first (it is the user's), then
 * for what the copy lacks (authors, the publication date, arXiv's category, the venue and its
 * DOI, the abstract) the paper's row in the digest or a cached arXiv answer; and papers not saved
 * as the entries a save would make (for Zotero and citations). Never: writes an entry.
 */
import type { PaperPeekDatabase, ReadingListEntry } from '../db';
import { getPaperRows } from '../digest/shelves';
import { paperVenue } from '../digest/venue';
import { entryFromPaper } from './entry';
import type { CitedEntry } from './export';

export async function citedEntries(
  db: PaperPeekDatabase,
  entries: ReadingListEntry[],
): Promise<CitedEntry[]> {
  const ids = entries.map((entry) => entry.paperId);
  const [rows, lookups] = await Promise.all([getPaperRows(db, ids), db.arxivLookups.bulkGet(ids)]);
  return entries.map((entry, i) => {
    const row = rows[i];
    const lookup = lookups[i];
    const paper = row ?? lookup?.paper;
    const cited: CitedEntry = { ...entry };
    if (entry.authors.length === 0 && paper && paper.authors.length > 0) {
      cited.authors = paper.authors;
    }
    if (paper?.publishedAt) cited.publishedAt = paper.publishedAt;
    if (paper?.abstract) cited.abstract = paper.abstract;
    const category = paper?.primaryCategory ?? lookup?.primaryCategory;
    if (category) cited.primaryCategory = category;
    // The entry's own links still say where a paper that left the digest was published.
    const venue = paperVenue(paper ?? { links: entry.links });
    if (venue) cited.venue = venue;
    if (paper?.doi && !/^10\.48550\//.test(paper.doi)) cited.doi = paper.doi;
    return cited;
  });
}

/**
 * The papers as entries: a saved paper's entry as it is (tags, note), any other paper PaperPeek
 * knows (the digest, an earlier arXiv answer) as a new entry would be; unknown ids are left out.
 */
async function entriesOfPapers(
  db: PaperPeekDatabase,
  ids: string[],
  now: number,
): Promise<ReadingListEntry[]> {
  const [saved, rows, lookups] = await Promise.all([
    db.readingList.bulkGet(ids),
    getPaperRows(db, ids),
    db.arxivLookups.bulkGet(ids),
  ]);
  const entries: ReadingListEntry[] = [];
  ids.forEach((id, i) => {
    const paper = rows[i] ?? lookups[i]?.paper;
    const entry = saved[i] ?? (paper ? entryFromPaper(paper, now) : undefined);
    if (entry) entries.push(entry);
  });
  return entries;
}

/**
 * The papers as a citation or Zotero gets them, whichever asks (popup, card, worker): their
 * entries (`entriesOfPapers`) with what the digest adds (`citedEntries`).
 */
export async function citedPapers(
  db: PaperPeekDatabase,
  ids: string[],
  now: number,
): Promise<CitedEntry[]> {
  return citedEntries(db, await entriesOfPapers(db, ids, now));
}
