/**
 * Which paper an open PDF is, for the reader's header: the arXiv id in its address, else the id
 * arXiv stamps down the first page's margin (`arXiv:1810.04805v2 [cs.CL] 24 May 2019`), else the
 * first page's title matched against the digest. Owns: reading those from the first page.
 * Never: looks anything up itself (the worker's `resolveReferences` and `fetchPaper` do, under the
 * user's look-up setting).
 */
import type { CardView } from '../content/card/view';
import type { PaperKey } from '../links/paper-key';
import type { PdfDocument, PdfPage } from './pdf-references';

/** arXiv's stamp: the id, a version, then the category in brackets. */
const ARXIV_STAMP = /\barXiv:\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\s*\[/;

/** A title is set larger than the text under it: this much larger than the page's usual size. */
const TITLE_SIZE_RATIO = 1.2;

interface TextItem {
  str: string;
  transform: number[];
  width?: number;
  height: number;
}

const isText = (item: unknown): item is TextItem =>
  typeof (item as TextItem).str === 'string' && Array.isArray((item as TextItem).transform);

/** The arXiv id stamped on the first page, or null. */
export function arxivStampOf(items: readonly unknown[]): string | null {
  const text = items
    .filter(isText)
    .map((item) => item.str)
    .join(' ');
  return ARXIV_STAMP.exec(text)?.[1] ?? null;
}

/**
 * The first page's title: the upright text set largest in the top 40% of the page, its lines
 * joined in reading order. Null when nothing there stands out from the text.
 */
export function firstPageTitle(items: readonly unknown[], pageHeight: number): string | null {
  const upright = items
    .filter(isText)
    .filter((item) => item.str.trim() && item.transform[1] === 0 && item.transform[2] === 0);
  const sizes = upright.map((item) => item.height).sort((a, b) => a - b);
  const usual = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const top = upright.filter((item) => (item.transform[5] ?? 0) > pageHeight * 0.6);
  const largest = Math.max(0, ...top.map((item) => item.height));
  if (!usual || largest < usual * TITLE_SIZE_RATIO) return null;
  // The title's lines: baselines of its largest runs. Small capitals set the rest of each word
  // smaller on the same baseline (`A` `N I` `MAGE`), so the line takes every run on it.
  const baselines = top
    .filter((item) => item.height >= largest * 0.95)
    .map((item) => item.transform[5] ?? 0);
  const onTitleLine = (item: TextItem) =>
    baselines.some((y) => Math.abs((item.transform[5] ?? 0) - y) <= largest / 3);
  const runs = top
    .filter((item) => item.height >= largest * 0.5 && onTitleLine(item))
    // Top to bottom, then left to right.
    .sort((a, b) => {
      const dy = (b.transform[5] ?? 0) - (a.transform[5] ?? 0);
      return Math.abs(dy) > largest / 3 ? dy : (a.transform[4] ?? 0) - (b.transform[4] ?? 0);
    });
  let title = '';
  let end = -Infinity;
  for (const run of runs) {
    const x = run.transform[4] ?? 0;
    // A run that starts where the last ended goes on the same word; a gap, or a new line, is a space.
    if (title && (x - end > run.height * 0.2 || x < end - run.height)) title += ' ';
    title += run.str;
    end = x + (run.width ?? 0);
  }
  title = title.replace(/\s+/g, ' ').trim();
  return title.length >= 8 ? title : null;
}

export interface IdentityServices {
  /** The worker's `resolveReferences`: which paper a text names, and its card. */
  resolve(texts: string[]): Promise<{ key: PaperKey | null; card: CardView | null }[]>;
  /** The worker's `fetchPaper`: the card of a paper the digest lacks (under the setting). */
  fetchCard(key: PaperKey): Promise<CardView>;
}

/**
 * The open PDF's paper as a card, or null when the PDF names none PaperPeek can tell. A paper
 * known only by its arXiv id that cannot be looked up comes back as a card that says why.
 */
export async function identifyPaper(
  services: IdentityServices,
  firstPage: PdfPage,
  arxivIdOfAddress: string | null,
): Promise<CardView | null> {
  const { items } = await firstPage.getTextContent();
  const arxivId = arxivIdOfAddress ?? arxivStampOf(items);
  const title = arxivId ? null : firstPageTitle(items, firstPage.view[3] ?? 0);
  const text = arxivId ? `arXiv:${arxivId}` : title;
  if (!text) return null;
  const [answer] = await services.resolve([text]);
  const card = answer?.card;
  if (card && !card.missing) return card;
  if (card?.paperId === 'reference' || !answer?.key) return null;
  // Named by its id but not in the digest: the card look-ups give it (the same as a hover's).
  return services.fetchCard(answer.key);
}

/** `identifyPaper` for a whole document: its first page is read. */
export function paperOfPdf(services: IdentityServices) {
  return async (pdf: PdfDocument, arxivIdOfAddress: string | null) =>
    identifyPaper(services, await pdf.getPage(1), arxivIdOfAddress);
}
