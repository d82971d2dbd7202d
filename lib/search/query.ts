/**
 * Reading what the user typed: filters (`y:2023`, `a:name`, `has:code`, `is:saved`), a pasted
 * arXiv id, paper URL (any form a card takes, venue pages too), DOI or repo, and the words left
 * to search. Never: searches.
 */
import { paperKeyFromLink } from '../links/paper-link';
import { canonicalArxivId } from '../links/arxiv-id';
import { parseRepoSlug } from '../links/github';
import { isVenueKey, type VenueKey } from '../links/venue';
import type { QueryWord } from './vocabulary';
import { textWords } from './words';

/** One character names nothing yet (and would match most of a large digest). */
export const MIN_QUERY_LENGTH = 2;

export interface ParsedQuery {
  text: string;
  yearFrom?: number;
  yearTo?: number;
  author?: string;
  hasCode: boolean;
  isSaved: boolean;
  /**
   * A pasted arXiv id, paper URL or repo: that paper goes first. A venue page's address or a
   * DOI (`venue`) names a paper the record cannot tell by itself: the worker's venue index does.
   */
  exact?: { arxivId?: string; repo?: string; venue?: VenueKey };
}

const FILTER = /(?:^|\s)(y|a|has|is):("[^"]*"|\S+)/gi;

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { text: '', hasCode: false, isSaved: false };
  const text = input.replace(FILTER, (_whole, name: string, rawValue: string) => {
    const value = rawValue.replace(/^"|"$/g, '').toLowerCase();
    const kind = name.toLowerCase();
    const years = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
    if (kind === 'y' && years) {
      query.yearFrom = Number(years[1]);
      query.yearTo = Number(years[2] ?? years[1]);
    } else if (kind === 'a' && value) query.author = value;
    else if (kind === 'has' && value === 'code') query.hasCode = true;
    else if (kind === 'is' && value === 'saved') query.isSaved = true;
    else return ` ${name}:${rawValue}`; // not a filter after all: keep it as text
    return ' ';
  });
  query.text = text.replace(/\s+/g, ' ').trim();
  const exact = exactTarget(query.text);
  if (exact) query.exact = exact;
  return query;
}

/**
 * An arXiv id, any paper URL (through the content script's link parser), a DOI (`10.18653/…`,
 * as a reference gives it) or an owner/name.
 */
function exactTarget(text: string): ParsedQuery['exact'] | undefined {
  if (!text || /\s/.test(text)) return undefined;
  const id = canonicalArxivId(text);
  if (id) return { arxivId: id };
  const doi = /^(?:doi:)?(10\.\d{4,9}\/\S+)$/i.exec(text)?.[1];
  if (doi || /^(https?:\/\/|www\.|[\w.-]+\.[a-z]{2,}\/)/i.test(text)) {
    const href = doi ? `https://doi.org/${doi}` : /^https?:/i.test(text) ? text : `https://${text}`;
    const key = paperKeyFromLink({ href });
    if (key?.startsWith('arxiv:')) return { arxivId: key.slice(6) };
    if (key?.startsWith('github:')) return { repo: key.slice(7) };
    if (key && isVenueKey(key)) return { venue: key };
  }
  const repo = text.includes('/') ? parseRepoSlug(text) : null;
  return repo ? { repo } : undefined;
}

/**
 * The words of a query's text; the last one is still being typed unless a space or other
 * separator follows it.
 */
export function queryWords(text: string): QueryWord[] {
  const words = textWords(text);
  const typing = /[\p{L}\p{N}]$/u.test(text);
  return words.map((word, i) => ({ word, typing: typing && i === words.length - 1 }));
}

/** The words of what the user typed, filters and a pasted id or URL left out. */
export function inputWords(input: string): QueryWord[] {
  const query = parseQuery(input);
  if (query.exact || query.text.length < MIN_QUERY_LENGTH) return [];
  // The parsed text is trimmed: a space after the last word says it is finished.
  return queryWords(/\s$/.test(input) ? `${query.text} ` : query.text);
}
