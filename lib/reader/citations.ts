/**
 * The open PDF's citations for the cards: each `#cite.…` link's paper and card, resolved once per
 * document after its first page is painted. Owns: when resolution runs (after the first paint)
 * and answering the card code's questions about citation links,
 * waiting for resolution when it is still under way. Never: looks anything up itself (the
 * worker's `resolveReferences` does) or holds up the viewer.
 */
import type { CardView } from '../content/card/view';
import type { PaperKey } from '../links/paper-key';
import { ownWork } from './own-work';
import { documentEntries, type PdfDocument } from './pdf-references';

export interface CitationAnswer {
  key: PaperKey | null;
  card: CardView | null;
}

export type ResolveTexts = (texts: string[]) => Promise<CitationAnswer[]>;

export interface CitationIndex {
  /** Resolves the citations of `pdf`, replacing those of any document before it. */
  resolve(pdf: PdfDocument): Promise<{ entries: number; resolved: number }>;
  /** For the card code: what a link's href names, null when it is no citation link. */
  lookup(href: string): Promise<CitationAnswer | null> | null;
}

/** PDF.js writes an internal link's href as `#` and its destination, escaped. */
function destinationOf(href: string): string | null {
  if (!href.startsWith('#')) return null;
  let name: string;
  try {
    name = decodeURIComponent(href.slice(1));
  } catch {
    return null;
  }
  return name.startsWith('cite.') ? name : null;
}

export function createCitationIndex(resolveTexts: ResolveTexts) {
  // Links can be asked about before resolution starts (PDF.js draws a page's links with the
  // page): they wait for it.
  let settle: (map: Map<string, CitationAnswer>) => void = () => undefined;
  let answers = new Promise<Map<string, CitationAnswer>>((done) => (settle = done));
  let generation = 0;

  const index: CitationIndex = {
    async resolve(pdf) {
      generation += 1;
      const mine = generation;
      if (mine > 1) answers = new Promise((done) => (settle = done));
      const settleThis = settle;
      const map = new Map<string, CitationAnswer>();
      let resolved = 0;
      try {
        const entries = await documentEntries(pdf);
        const results =
          entries.length && mine === generation
            ? await resolveTexts(entries.map((entry) => entry.text))
            : [];
        ownWork('answers', () =>
          entries.forEach((entry, i) => {
            const answer = results[i] ?? { key: null, card: null };
            if (answer.key || (answer.card && !answer.card.missing)) resolved += 1;
            map.set(entry.id, answer);
          }),
        );
      } finally {
        settleThis(map);
      }
      return { entries: map.size, resolved };
    },
    lookup(href) {
      const name = destinationOf(href);
      if (!name) return null;
      return answers.then((map) => map.get(name) ?? { key: null, card: null });
    },
  };
  return index;
}
