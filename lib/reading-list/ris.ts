/**
 * RIS, the tagged format EndNote, Mendeley and Zotero all import. Owns: one record per entry,
 * each value on one line (a title holding a line break and `ER  -` cannot end a record or start
 * one), names as `Last, First`. Never: writes HTML or anything a reader would run.
 */
import {
  citedDoi,
  entryDate,
  namesOf,
  splitName,
  withoutControls,
  type CitedEntry,
} from './export';

/** RIS lines end in CR LF (the format's own convention; every importer takes it). */
const EOL = '\r\n';

/** A tag and its value as one RIS line; an empty value writes nothing. */
function line(tag: string, value: string | number | undefined): string {
  // One space for any run: a value with `  - ` in it is read by some parsers as a new tag.
  const text = withoutControls(String(value ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  return text ? `${tag}  - ${text}${EOL}` : '';
}

/** `Last, First` (and `, Jr.`), the form RIS's AU takes. */
function risName(name: string): string {
  const { given, family, suffix } = splitName(withoutControls(name));
  return [family, given, suffix].filter((part) => part).join(', ');
}

/**
 * The entries as RIS: a journal paper `JOUR`, a conference paper `CPAPER`, a preprint `UNPB`
 * (unpublished: arXiv as its publisher, its arXiv page and DOI).
 */
export function toRis(entries: CitedEntry[]): string {
  return entries
    .map((entry) => {
      const { venue } = entry;
      const type = !venue ? 'UNPB' : venue.kind === 'journal' ? 'JOUR' : 'CPAPER';
      const date = entryDate(entry);
      const year = venue?.year ?? date?.year;
      const parts = [
        line('TY', type),
        line('TI', entry.title),
        ...namesOf(entry).map((name) => line('AU', risName(name))),
        line('PY', year),
        // RIS dates: year/month/day/ (the venue's year alone when it was published there).
        date && !venue?.year
          ? line(
              'DA',
              `${date.year}/${String(date.month).padStart(2, '0')}/${date.day ? String(date.day).padStart(2, '0') : ''}/`,
            )
          : '',
        venue ? line(venue.kind === 'journal' ? 'JO' : 'T2', venue.name) : '',
        !venue && entry.arxivId ? line('PB', 'arXiv') : '',
        line('DO', citedDoi(entry)),
        line('UR', entry.arxivId ? `https://arxiv.org/abs/${entry.arxivId}` : undefined),
        ...entry.tags.map((tag) => line('KW', tag)),
        // The user's own note, as Zotero imports N1: a note on the item, not printed by styles.
        line('N1', entry.note),
        `ER  - ${EOL}`,
      ];
      return parts.join('');
    })
    .join(EOL);
}
