/**
 * A PDF page's text as lines in reading order: PDF.js gives runs of text with their positions;
 * this puts runs on one baseline together, tells the columns of a two-column page apart, and
 * orders the lines as a reader reads them (page, column, top to bottom). Owns: that geometry.
 * Never: reads a PDF itself (the caller hands it PDF.js's text content) or interprets the text.
 */

/** A run of text from PDF.js's `getTextContent`, in PDF user space (y grows upwards). */
export interface TextRun {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** The font size the run is set in. */
  height: number;
}

export interface PageText {
  pageIndex: number;
  width: number;
  runs: readonly TextRun[];
}

export interface TextLine {
  pageIndex: number;
  /** 0 for the left (or only) column, 1 for the right one. */
  column: number;
  x: number;
  /** The baseline. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  text: string;
}

/** PDF.js's text item, as much of it as is read here. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Runs from PDF.js's text items (marked-content items, which have no text, are left out). */
export function runsOf(items: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    const run = item as Partial<PdfTextItem>;
    if (typeof run.str !== 'string' || !Array.isArray(run.transform)) continue;
    const [, , , scaleY = 0, x = 0, y = 0] = run.transform;
    runs.push({
      str: run.str,
      x,
      y,
      width: run.width ?? 0,
      height: run.height || Math.abs(scaleY),
    });
  }
  return runs;
}

/**
 * Whether the page is set in two columns: most runs stay on one side of the middle and both
 * sides have text. A title or a figure across both columns is a few runs among hundreds.
 */
export function isTwoColumn(page: PageText): boolean {
  const middle = page.width / 2;
  let left = 0;
  let right = 0;
  let across = 0;
  for (const run of page.runs) {
    if (!run.str.trim()) continue;
    if (run.x + run.width <= middle + 2) left += 1;
    else if (run.x >= middle - 2) right += 1;
    else across += 1;
  }
  const total = left + right + across;
  return total > 0 && left > total * 0.2 && right > total * 0.2 && across < total * 0.1;
}

/** The page's lines in reading order. */
export function linesOf(page: PageText): TextLine[] {
  const twoColumns = isTwoColumn(page);
  const middle = page.width / 2;
  const lines: (TextLine & { end: number; runs: TextRun[] })[] = [];
  const runs = page.runs
    .filter((run) => run.str !== '')
    .map((run) => ({ run, column: twoColumns && run.x >= middle - 2 ? 1 : 0 }))
    // Column, then top to bottom, then left to right: each line's runs arrive together.
    .sort((a, b) => a.column - b.column || b.run.y - a.run.y || a.run.x - b.run.x);
  for (const { run, column } of runs) {
    // A run on the line so far: same column, a baseline within a third of the font size
    // (superscripts and subscripts stay on their line).
    const line = lines.find(
      (candidate) =>
        candidate.column === column &&
        candidate.pageIndex === page.pageIndex &&
        Math.abs(candidate.y - run.y) <= Math.max(candidate.size, run.height) * 0.35,
    );
    if (line) line.runs.push(run);
    else {
      lines.push({
        pageIndex: page.pageIndex,
        column,
        x: run.x,
        y: run.y,
        size: run.height,
        text: '',
        end: 0,
        runs: [run],
      });
    }
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of line.runs) {
      // A gap wider than a fifth of the font size is a space PDF.js did not write.
      const gap = run.x - end;
      if (text && !/\s$/.test(text) && !/^\s/.test(run.str) && gap > run.height * 0.2) text += ' ';
      text += run.str;
      end = run.x + run.width;
    }
    line.x = line.runs[0]?.x ?? line.x;
    line.y = Math.max(...line.runs.map((run) => run.y));
    line.size = Math.max(...line.runs.map((run) => run.height));
    line.text = text.replace(/\s+/g, ' ').trim();
  }
  return lines
    .filter((line) => line.text !== '')
    .sort((a, b) => a.column - b.column || b.y - a.y)
    .map(({ pageIndex, column, x, y, size, text }) => ({ pageIndex, column, x, y, size, text }));
}
