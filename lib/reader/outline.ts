/**
 * A PDF's outline (its bookmarks: sections, as hyperref writes them) for the reader's sidebar.
 * Owns: turning PDF.js's outline into plain entries, titles as text, only internal destinations.
 * Never: follows an outline item's URL or action (a PDF's own links go through the annotation
 * layer's allow-list; an outline entry that is not a place in the document is left out).
 */

export interface OutlineEntry {
  title: string;
  /** A named destination or an explicit one, as PDF.js's link service takes it. */
  dest: string | unknown[];
  children: OutlineEntry[];
}

/** What is read of PDF.js's outline items. */
interface PdfOutlineItem {
  title?: unknown;
  dest?: unknown;
  items?: unknown;
}

/** Deeper than this, an outline's entries are folded into their parent (a runaway tree). */
const MAX_DEPTH = 6;
const MAX_ENTRIES = 2_000;

/** The outline's entries; an empty list when the PDF has none. */
export function outlineEntries(items: unknown): OutlineEntry[] {
  let budget = MAX_ENTRIES;
  const read = (list: unknown, depth: number): OutlineEntry[] => {
    if (!Array.isArray(list) || depth > MAX_DEPTH) return [];
    const entries: OutlineEntry[] = [];
    for (const raw of list as PdfOutlineItem[]) {
      if (budget <= 0) break;
      const dest = raw?.dest;
      const title = typeof raw?.title === 'string' ? raw.title.replace(/\s+/g, ' ').trim() : '';
      if (!title || !(typeof dest === 'string' || Array.isArray(dest))) continue;
      budget -= 1;
      entries.push({ title: title.slice(0, 300), dest, children: read(raw.items, depth + 1) });
    }
    return entries;
  };
  return read(items, 0);
}
