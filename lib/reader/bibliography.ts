/**
 * A paper's bibliography entries, found from where its citation links point: hyperref, natbib
 * and biblatex give each entry a destination (`cite.<key>`, `cite.0@<key>`, or an explicit one)
 * at the entry's first line. Owns: from a destination to the entry's lines (in its column, across
 * a column or page break, a destination that sits a line off) and where each entry ends. Never:
 * reads the PDF (it is handed lines in reading order) or says which paper an entry is.
 */
import { joinEntryLines } from './reference-text';
import type { TextLine } from './text-lines';

/** Where a citation link goes: its name when it has one, and the point on its page. */
export interface CitationTarget {
  /** The named destination (`cite.vaswani2017attention`), or a key made of the point. */
  id: string;
  pageIndex: number;
  /** PDF user space; null when the destination names no point (a whole page). */
  x: number | null;
  y: number | null;
}

export interface BibliographyEntry {
  /** The target's id. */
  id: string;
  /** The entry's text, its lines joined as read. */
  text: string;
  /** Where it starts: an index into the lines it was read from. */
  line: number;
}

/** At most this many lines make one entry (an entry with no next one to end it stops here). */
const MAX_ENTRY_LINES = 14;
/** A numbered entry's label at the start of its first line: `[12]`. */
const LABEL = /^\[\d{1,4}\]/;

/** The citation key in a destination's name: `cite.0@devlin2019bert` → `devlin2019bert`. */
export function citationKeyOf(id: string): string | null {
  return /^cite\.(?:\d+@)?(.+)$/.exec(id)?.[1] ?? null;
}

/** The columns a point may be in: the one under its x, or both when it names no x (FitH). */
function columnsAt(lines: readonly TextLine[], pageIndex: number, x: number | null): number[] {
  const right = lines.filter((line) => line.pageIndex === pageIndex && line.column === 1);
  if (right.length === 0) return [0];
  if (x === null) return [0, 1];
  const rightStart = Math.min(...right.map((line) => line.x));
  return [x >= rightStart - 12 ? 1 : 0];
}

/**
 * The index of the first line at or below a destination in one column: the line whose top is
 * nearest under the point. Null when the column has none there.
 */
function lineAt(lines: readonly TextLine[], target: CitationTarget, column: number): number | null {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line || line.pageIndex !== target.pageIndex || line.column !== column) continue;
    if (target.y === null) return i;
    // The line's top is a font size above its baseline; the point is at or a little above it.
    if (line.y + line.size * 0.9 <= target.y + 2) return i;
  }
  return null;
}

/**
 * The surname a key starts with, lower-cased: `vaswani2017attention` → `vaswani`,
 * `ando-zhang:2005` → `ando`, `DBLP:journals/corr/BritzGLL17` → `britz`, `He2016` → `he`.
 * Null when the key starts with no letters.
 */
export function citationKeyName(id: string): string | null {
  const key = citationKeyOf(id);
  if (!key) return null;
  const segment =
    key
      .split(/[:/]/)
      .filter((part) => /^[a-z]/i.test(part))
      .pop() ?? '';
  // Case tells a camel-cased key's surname from what follows it (`BritzGLL17`).
  return /^[A-Za-z][a-z]+/.exec(segment)?.[0].toLowerCase() ?? null;
}

/** Whether a line has a word that starts with a key's name (`alrfou` starts `Al-Rfou`). */
function nameIn(text: string, name: string | null): boolean {
  if (!name) return false;
  return text
    .toLowerCase()
    .replace(/[-'’.]/g, '')
    .split(/[^a-z]+/)
    .some((word) => word.startsWith(name));
}

/**
 * Every target's entry. Targets are read in the order of their first lines; each entry runs to
 * the line before the next entry's first, across a column or a page, or for the last one to a
 * line that starts like a new entry, a heading or `MAX_ENTRY_LINES`.
 */
export function bibliographyEntries(
  lines: readonly TextLine[],
  targets: readonly CitationTarget[],
): BibliographyEntry[] {
  const starts: { target: CitationTarget; line: number }[] = [];
  for (const target of targets) {
    const name = citationKeyName(target.id);
    const names = (at: number) => nameIn(lines[at]?.text ?? '', name);
    const candidates = columnsAt(lines, target.pageIndex, target.x)
      .map((column) => lineAt(lines, target, column))
      .filter((line): line is number => line !== null)
      // A destination a line above its entry (raised to show the line in full) lands on the
      // previous entry's last line: the key's name settles which of the two is its first.
      .map((line) => (!names(line) && names(line + 1) ? line + 1 : line));
    // With no x, the column whose line carries the key's name is the entry's; else the first.
    const line = candidates.find(names) ?? candidates[0];
    if (line === undefined) continue;
    starts.push({ target, line });
  }
  starts.sort((a, b) => a.line - b.line);
  const entries: BibliographyEntry[] = [];
  starts.forEach(({ target, line }, index) => {
    const following = starts.slice(index + 1).find((start) => start.line > line);
    const end = following
      ? Math.min(following.line, nextLabel(lines, line, following.line), line + MAX_ENTRY_LINES)
      : lastEntryEnd(lines, line);
    const text = joinEntryLines(
      lines
        .slice(line, end)
        // A page number between the columns or pages an entry runs across is not its text.
        .filter((entryLine) => !/^\d{1,4}$/.test(entryLine.text))
        .map((entryLine) => entryLine.text),
    );
    if (text) entries.push({ id: target.id, text, line });
  });
  return entries;
}

/**
 * In a numbered bibliography, the first line before `until` that starts a new `[n]` entry: one
 * that no citation link points to (cited where hyperref made no link) still ends the one
 * before it. `until` when the entry has no label or none follows.
 */
function nextLabel(lines: readonly TextLine[], start: number, until: number): number {
  if (!LABEL.test(lines[start]?.text ?? '')) return until;
  for (let i = start + 1; i < until; i += 1) if (LABEL.test(lines[i]?.text ?? '')) return i;
  return until;
}

/** A gap this many times the entry's font size between two lines of one column ends it. */
const END_GAP = 2.5;

/**
 * Where the last entry ends: before a new label, a heading, a line set larger, or a wide gap
 * between two of its column's lines (what follows a bibliography: the authors' biographies
 * under their photographs; a page number at the column's foot is no such end).
 */
function lastEntryEnd(lines: readonly TextLine[], start: number): number {
  const first = lines[start];
  if (!first) return start;
  for (let i = start + 1; i < Math.min(lines.length, start + MAX_ENTRY_LINES); i += 1) {
    const line = lines[i];
    const before = lines[i - 1];
    if (!line) return i;
    if (
      before &&
      !/^\d{1,4}$/.test(line.text) &&
      line.pageIndex === before.pageIndex &&
      line.column === before.column &&
      before.y - line.y > first.size * END_GAP
    )
      return i;
    if (LABEL.test(line.text)) return i;
    if (line.size > first.size * 1.15) return i;
    if (line.pageIndex !== first.pageIndex && line.column === 0 && /^\d+\s+[A-Z]/.test(line.text))
      return i;
  }
  return Math.min(lines.length, start + MAX_ENTRY_LINES);
}
