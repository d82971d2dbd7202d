/**
 * Reading a PDF's citations with PDF.js: the internal links that point into the bibliography,
 * where they point, and the text lines there. Owns: talking to PDF.js's document and page
 * objects (typed here by what is read of them, so the same code runs in the reader and in Node
 * tests). Never: renders, or looks anything up.
 */
import { bibliographyEntries, type BibliographyEntry, type CitationTarget } from './bibliography';
import { linesOf, runsOf, type TextLine } from './text-lines';

/** What is read of a PDF.js page. */
export interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getAnnotations(): Promise<unknown[]>;
}

/** What is read of a PDF.js document. */
export interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
  getDestination(name: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

/** A link annotation as PDF.js gives it. */
interface LinkAnnotation {
  subtype: 'Link';
  /** A named destination or an explicit one (`[pageRef, {name: 'XYZ'}, left, top, zoom]`). */
  dest?: string | unknown[] | null;
  url?: string;
}

const isLink = (annotation: unknown): annotation is LinkAnnotation =>
  typeof annotation === 'object' &&
  annotation !== null &&
  (annotation as { subtype?: unknown }).subtype === 'Link';

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

/** The citation targets the document's links point to, each once, named ones by their name. */
export async function citationTargets(
  pdf: PdfDocument,
  pages: readonly PdfPage[],
): Promise<CitationTarget[]> {
  const names = new Set<string>();
  for (const page of pages) {
    for (const annotation of await page.getAnnotations()) {
      if (
        isLink(annotation) &&
        typeof annotation.dest === 'string' &&
        isCitationName(annotation.dest)
      )
        names.add(annotation.dest);
    }
  }
  const targets: CitationTarget[] = [];
  for (const name of names) {
    const explicit = await pdf.getDestination(name).catch(() => null);
    const point = explicit ? await pointOf(pdf, explicit) : null;
    if (point) targets.push({ id: name, ...point });
  }
  return targets;
}

/** The lines of the pages asked for (every page when none are named), in reading order. */
export async function documentLines(
  pages: readonly PdfPage[],
  wanted?: ReadonlySet<number>,
): Promise<TextLine[]> {
  const lines: TextLine[] = [];
  for (const [pageIndex, page] of pages.entries()) {
    if (wanted && !wanted.has(pageIndex)) continue;
    const { items } = await page.getTextContent();
    const width = (page.view[2] ?? 0) - (page.view[0] ?? 0);
    lines.push(...linesOf({ pageIndex, width, runs: runsOf(items) }));
  }
  return lines;
}

/** The document's bibliography entries, one per citation target. */
export async function documentEntries(pdf: PdfDocument): Promise<BibliographyEntry[]> {
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) pages.push(await pdf.getPage(number));
  const targets = await citationTargets(pdf, pages);
  // Only the bibliography's text: the pages entries start on, and the next one for an entry
  // that runs over (extracting every page's text was most of the time on a 40-page paper).
  const wanted = new Set(targets.flatMap((target) => [target.pageIndex, target.pageIndex + 1]));
  return bibliographyEntries(await documentLines(pages, wanted), targets);
}
