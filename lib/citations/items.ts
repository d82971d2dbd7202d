/**
 * The CSL items a citation is made of, from the entries of the papers cited. Owns: what of an
 * entry a citation carries. Never: the entry's note (toCslItems leaves it out), nor the
 * processor (format.ts): the worker builds these for a card's copy.
 */
import { toCslItems, type CslItem } from '../reading-list/csl';
import type { CitedEntry } from '../reading-list/export';

/**
 * The CSL-JSON export's items, without its `genre` ("arXiv preprint [cs.CL]"), which styles
 * print title-cased in the middle of a reference ("arXiv Preprint [Cs.CL]"); arXiv's id and name
 * stay as the number and publisher, as Zotero gives them.
 */
export function citationItems(entries: CitedEntry[]): CslItem[] {
  return toCslItems(entries).map(({ genre: _genre, ...item }) => item);
}
