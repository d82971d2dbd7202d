/**
 * Reading a PDF's citations with PDF.js: the named destinations citation links point to (in the
 * bibliography), where they point, and the text lines there. Owns: talking to PDF.js's document and page
 * objects (typed here by what is read of them, so the same code runs in the reader and in Node
 * tests). Never: renders, or looks anything up.
 */
import { bibliographyEntries, type BibliographyEntry, type CitationTarget } from './bibliography';
import { ownWork } from './own-work';
import { linesOf, runsOf, type TextLine } from './text-lines';

/** What is read of a PDF.js page. */
export interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
}

/** What is read of a PDF.js document. */
export interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
  /** Every named destination, by name. */
  getDestinations(): Promise<Record<string, unknown>>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

/** A destination's name says it is a citation: hyperref's `cite.` prefix, biblatex's too. */
export const isCitationName = (name: string) => name.startsWith('cite.');

/** The page index and point of an explicit destination, or null when it names none. */
async function pointOf(
  pdf: PdfDocument,
  explicit: unknown[],
): Promise<{ pageIndex: number; x: number | null; y: number | null } | null> {
  const [page, kind, ...args] = explicit;
  let pageIndex: number;
  if (typeof page === 'number') pageIndex = page;
  else if (typeof page === 'object' && page !== null && 'num' in page) {
    try {
      pageIndex = await pdf.getPageIndex(page as { num: number; gen: number });
    } catch {
      return null;
    }
  } else return null;
  const name = (kind as { name?: string } | undefined)?.name;
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  // XYZ left top zoom; FitH/FitBH top; FitR left bottom right top.
  if (name === 'XYZ') return { pageIndex, x: number(args[0]), y: number(args[1]) };
  if (name === 'FitH' || name === 'FitBH') return { pageIndex, x: null, y: number(args[0]) };
  if (name === 'FitR') return { pageIndex, x: number(args[0]), y: number(args[3]) };
  return { pageIndex, x: null, y: null };
}

/**
 * The citation targets of the document: its `cite.` named destinations, where each points. Read
 * from the document's table of destinations in one request: reading every page's links for the
 * names they use took a second on a real 21-page paper.
 */
export async function citationTargets(pdf: PdfDocument): Promise<CitationTarget[]> {
  const destinations = await pdf.getDestinations().catch(() => ({}));
  const targets = await Promise.all(
    Object.entries(destinations)
      .filter(([name]) => isCitationName(name))
      .map(async ([name, explicit]): Promise<CitationTarget | null> => {
        const point = Array.isArray(explicit) ? await pointOf(pdf, explicit) : null;
        return point ? { id: name, ...point } : null;
      }),
  );
  return targets.filter((target): target is CitationTarget => target !== null);
}

/** The lines of the pages asked for (by index), in reading order. */
export async function documentLines(
  pdf: PdfDocument,
  pageIndexes: ReadonlySet<number>,
): Promise<TextLine[]> {
  const wanted = [...pageIndexes]
    .filter((index) => index >= 0 && index < pdf.numPages)
    .sort((a, b) => a - b);
  const read = await Promise.all(
    wanted.map(async (pageIndex) => {
      const page = await pdf.getPage(pageIndex + 1);
      const { items } = await page.getTextContent();
      const width = (page.view[2] ?? 0) - (page.view[0] ?? 0);
      return ownWork('lines', () => linesOf({ pageIndex, width, runs: runsOf(items) }));
    }),
  );
  return read.flat();
}

/** The document's bibliography entries, one per citation target. */
export async function documentEntries(pdf: PdfDocument): Promise<BibliographyEntry[]> {
  const targets = await citationTargets(pdf);
  // Only the bibliography's text: the pages entries start on, and the next one for an entry
  // that runs over (extracting every page's text was most of the time on a 40-page paper).
  const wanted = new Set(targets.flatMap((target) => [target.pageIndex, target.pageIndex + 1]));
  const lines = await documentLines(pdf, wanted);
  return ownWork('entries', () => bibliographyEntries(lines, targets));
}
