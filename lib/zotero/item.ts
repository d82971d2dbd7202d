/**
 * Papers as Zotero items, in the JSON Zotero's connector server takes (`/connector/saveItems`):
 * a `preprint` from arXiv (`repository: arXiv`, `archiveID: arXiv:<id>`), a `conferencePaper` or
 * `journalArticle` when the venue is known, names split as Zotero keeps them, the entry's tags
 * and note, and arXiv's PDF as an attachment Zotero downloads itself. Owns: the mapping and the
 * escaping of the note (Zotero's notes are HTML). Never: sends anything (connector.ts does).
 */
import { citedDoi, entryDate, namesOf, splitName, type CitedEntry } from '../reading-list/export';
import { safeHref } from '../safe-url';
import { readableTex } from '../text/tex';

export interface ZoteroCreator {
  creatorType: 'author';
  lastName: string;
  /** Absent for a name kept whole (`fieldMode: 1`: an organisation, a name with no given part). */
  firstName?: string;
  fieldMode?: 1;
}

export interface ZoteroItem {
  /** The item's key within one save (Zotero's session maps it to the item it creates). */
  id: string;
  itemType: 'preprint' | 'conferencePaper' | 'journalArticle';
  title: string;
  creators: ZoteroCreator[];
  abstractNote?: string;
  date?: string;
  DOI?: string;
  url?: string;
  repository?: string;
  archiveID?: string;
  proceedingsTitle?: string;
  publicationTitle?: string;
  libraryCatalog?: string;
  /** Zotero's place for what has no field: `arXiv: <id>` for a published paper. */
  extra?: string;
  tags: { tag: string }[];
  notes: { itemType: 'note'; note: string }[];
  attachments: { title: string; url: string; mimeType: string }[];
}

/** One line of text: TeX made readable, runs of white space as one space. */
function plain(text: string): string {
  return readableTex(text).replace(/\s+/g, ' ').trim();
}

function creatorOf(name: string): ZoteroCreator {
  const clean = plain(name);
  const { given, family, suffix } = splitName(clean);
  // No given name, or a "family name" with no letter in it: the name is kept as written.
  if (!given || !/[\p{L}\p{N}]/u.test(family)) {
    return { creatorType: 'author', lastName: clean, fieldMode: 1 };
  }
  // Zotero has no suffix field: its own importers write `King` / `Martin Luther, Jr.`.
  return {
    creatorType: 'author',
    lastName: family,
    firstName: suffix ? `${given}, ${suffix}` : given,
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The user's note as the HTML a Zotero note is: its text escaped, its lines kept. */
export function noteHtml(note: string): string {
  const paragraphs = note
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return paragraphs
    .map(
      (paragraph) =>
        `<p>${paragraph.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char).replace(/\n/g, '<br>')}</p>`,
    )
    .join('');
}

function zoteroDate(entry: CitedEntry): string | undefined {
  if (entry.venue?.year) return String(entry.venue.year);
  const date = entryDate(entry);
  if (!date) return undefined;
  const month = String(date.month).padStart(2, '0');
  return date.day
    ? `${date.year}-${month}-${String(date.day).padStart(2, '0')}`
    : `${date.year}-${month}`;
}

export function toZoteroItem(entry: CitedEntry, id: string): ZoteroItem {
  const { venue, arxivId } = entry;
  const item: ZoteroItem = {
    id,
    itemType: !venue ? 'preprint' : venue.kind === 'journal' ? 'journalArticle' : 'conferencePaper',
    title: plain(entry.title),
    creators: namesOf(entry).map(creatorOf),
    tags: entry.tags.map((tag) => ({ tag })),
    notes: entry.note.trim() ? [{ itemType: 'note', note: noteHtml(entry.note) }] : [],
    attachments: [],
  };
  if (entry.abstract?.trim()) item.abstractNote = plain(entry.abstract);
  const date = zoteroDate(entry);
  if (date) item.date = date;
  const doi = citedDoi(entry);
  if (doi) item.DOI = doi;
  if (venue?.kind === 'journal') item.publicationTitle = venue.name;
  else if (venue) item.proceedingsTitle = venue.name;
  if (arxivId) {
    item.url = `https://arxiv.org/abs/${arxivId}`;
    if (!venue) {
      item.repository = 'arXiv';
      item.archiveID = `arXiv:${arxivId}`;
      item.libraryCatalog = 'arXiv.org';
    } else {
      // Where Zotero (and Better BibTeX) keep a published paper's arXiv id.
      item.extra = `arXiv: ${arxivId}`;
    }
    item.attachments.push({
      title: 'arXiv Fulltext PDF',
      url: `https://arxiv.org/pdf/${arxivId}`,
      mimeType: 'application/pdf',
    });
  } else {
    // The venue's own page when the entry links one, else the DOI's (through the allow-list).
    const page = [...entry.links, ...(doi ? [`https://doi.org/${doi}`] : [])]
      .map((link) => safeHref(link))
      .find((link) => link !== null);
    if (page) item.url = page;
  }
  return item;
}
