/**
 * Importer for the text of a Hugging Face "Daily Papers" page as a browser renders it: a few
 * header lines, then for each paper a title line, a blank line and an abstract paragraph.
 * Owns: splitting that text into papers and joining them with a title → arXiv id table.
 * Never: guesses an arXiv id; a paper with no id in the table gets a slug id instead.
 */
import { canonicalArxivId } from '../links/arxiv-id';
import { normaliseText } from '../text/normalise';
import { extractAbstractLinks } from './abstract-links';
import { DIGEST_FORMAT, DIGEST_VERSION, LIMITS, type Digest, type Paper } from './schema';

export interface PageImport {
  digest: Digest;
  /** Papers the page has and the id table lacks (they got slug ids). */
  titlesWithoutId: string[];
  /** Titles in the id table that the page does not have. */
  unusedIds: string[];
}

// An abstract is a paragraph of prose; header lines ("Subscribe", "Daily Papers") are short.
const MIN_ABSTRACT_LENGTH = 120;

/** Reads a `title<TAB>arxiv_id` table (header row optional) into normalised title → id. */
export function parseIdTable(tsv: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of tsv.split(/\r?\n/)) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const id = canonicalArxivId(line.slice(tab + 1));
    if (id) table.set(titleKey(line.slice(0, tab)), id);
  }
  return table;
}

export function importDailyPapersPage(
  pageText: string,
  idsByTitle: Map<string, string>,
  meta: { generatedAt: string; source: string },
): PageImport {
  const paragraphs = pageText
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

  // The first paper is the first one-line paragraph followed by an abstract-like paragraph;
  // everything before it is the page header.
  const first = paragraphs.findIndex(
    (paragraph, index) => !paragraph.includes('\n') && isAbstract(paragraphs[index + 1]),
  );
  const papers: Paper[] = [];
  const titlesWithoutId: string[] = [];
  const usedTitles = new Set<string>();
  const seenTitles = new Set<string>();
  const seenIds = new Set<string>();

  for (let index = Math.max(first, 0); first >= 0 && index + 1 < paragraphs.length; index += 2) {
    const title = normaliseText(paragraphs[index] ?? '', LIMITS.title);
    const abstract = normaliseText(paragraphs[index + 1] ?? '', LIMITS.abstract);
    const key = titleKey(title);
    if (seenTitles.has(key)) continue; // the same paper listed twice on one page
    seenTitles.add(key);
    const arxivId = idsByTitle.get(key);
    if (arxivId) usedTitles.add(key);
    else titlesWithoutId.push(title);

    const id = arxivId ?? slugFor(title, seenIds);
    if (seenIds.has(id)) continue; // two titles for one arXiv id: the first wins
    seenIds.add(id);
    const paper: Paper = { id, title, abstract, authors: [], ...extractAbstractLinks(abstract) };
    if (arxivId) paper.arxivId = arxivId;
    papers.push(paper);
  }

  const unusedIds = [...idsByTitle.keys()].filter((key) => !usedTitles.has(key));
  return {
    digest: {
      format: DIGEST_FORMAT,
      version: DIGEST_VERSION,
      generatedAt: meta.generatedAt,
      source: meta.source,
      papers,
    },
    titlesWithoutId,
    unusedIds,
  };
}

function isAbstract(paragraph: string | undefined): boolean {
  return paragraph !== undefined && paragraph.length >= MIN_ABSTRACT_LENGTH;
}

/** Titles match across sources regardless of case, spacing and typographic quotes. */
export function titleKey(title: string): string {
  return normaliseText(title, LIMITS.title)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

/** A stable slug from the title; a numeric suffix only when two different titles collide. */
export function slugFor(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'untitled';
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}
