/**
 * CSL items and the CSL-JSON export, which Zotero, Mendeley and Pandoc import and CSL styles
 * format (lib/citations). Owns: the mapping of an entry to a CSL item. Never: puts the user's
 * note into an item (styles print CSL's `note`).
 */
import {
  citedDoi,
  entryDate,
  namesOf,
  oldStyleArchive,
  splitName,
  uniqueKeys,
  type CitedEntry,
} from './export';
import type { CslItem } from './csl-item';

export type { CslItem };

/**
 * CSL items, which Zotero, Mendeley and Pandoc import and CSL styles format: one `article` item
 * per entry (CSL's type for preprints), arXiv's DOI and number, the date as date-parts.
 */
export function toCslItems(entries: CitedEntry[]): CslItem[] {
  const keys = uniqueKeys(entries);
  return entries.map((entry, index) => {
    const date = entryDate(entry);
    const { venue } = entry;
    const item: CslItem = {
      id: keys[index] ?? entry.paperId,
      type: !venue ? 'article' : venue.kind === 'journal' ? 'article-journal' : 'paper-conference',
      title: entry.title.replace(/\s+/g, ' ').trim(),
    };
    if (venue) item['container-title'] = venue.name;
    const authors = namesOf(entry);
    if (authors.length > 0) {
      item.author = authors.map((name) => {
        const { given, family, suffix } = splitName(name);
        if (!given || !/[\p{L}\p{N}]/u.test(family)) return { literal: name.trim() };
        return { family, given, ...(suffix ? { suffix } : {}) };
      });
    }
    if (venue?.year) item.issued = { 'date-parts': [[venue.year]] };
    else if (date) {
      item.issued = {
        'date-parts': [[date.year, date.month, ...(date.day ? [date.day] : [])]],
      };
    }
    const doi = citedDoi(entry);
    if (doi) item.DOI = doi;
    if (entry.arxivId) {
      item.URL = `https://arxiv.org/abs/${entry.arxivId}`;
      // A published paper is cited from its venue; arXiv stays as where to read it.
      if (!venue) {
        item.number = `arXiv:${entry.arxivId}`;
        item.publisher = 'arXiv';
        const category = entry.primaryCategory ?? oldStyleArchive(entry.arxivId);
        if (category) item.genre = `arXiv preprint [${category}]`;
      }
    }
    // The entry's note stays out: CSL's `note` is printed by styles, and it is the user's own.
    return item;
  });
}

/** CSL-JSON: the CSL items as a file. Text is JSON, never markup. */
export function toCslJson(entries: CitedEntry[]): string {
  return `${JSON.stringify(toCslItems(entries), null, 2)}\n`;
}
