/**
 * The content script's memory of links: which paper each anchor names, and the papers the worker
 * returned. Owns: batching questions to the worker and caching answers. Never: opens IndexedDB
 * (the page's) or parses beyond the cheap candidate test; the worker does the rest.
 */
import { mightNamePaper } from '../links/candidate';
import type { LinkFacts } from '../links/paper-link';
import { isShortenerHref } from '../links/shorteners';
import type { CardView } from './card/view';
import type { ProtocolMap } from '../protocol/messages';
import type { PaperKey } from '../links/paper-key';

type Resolve = (
  request: ProtocolMap['resolveLinks']['request'],
) => Promise<ProtocolMap['resolveLinks']['response']>;

const BATCH = 500;

/**
 * What the page itself knows of some of its links (the reader: a citation's entry in the PDF's
 * bibliography). Null for a link it does not know, else its paper's key and card, or a card of
 * its own (`key` is then only where the card is kept, and never leaves the page).
 */
export type LocalLinks = (
  href: string,
) => Promise<{ key: PaperKey | null; card: CardView | null } | null> | null;

export function createLinkResolver(resolve: Resolve, local?: LocalLinks) {
  // Which paper each anchor names (null: none). A link whose href changes is forgotten by the
  // caller (`forget`, from a MutationObserver), so the pointer path reads no attribute to check.
  const verdicts = new WeakMap<HTMLAnchorElement, PaperKey | null>();
  const cards = new Map<PaperKey, CardView>();

  /** Asks the worker about every anchor not yet known; the cheap test settles most on the spot. */
  async function resolveAnchors(anchors: HTMLAnchorElement[]): Promise<void> {
    const asking: HTMLAnchorElement[] = [];
    const locals: Promise<void>[] = [];
    for (const anchor of anchors) {
      if (verdicts.has(anchor)) continue;
      const raw = local && anchor.getAttribute('href');
      const known = raw ? local(raw) : null;
      if (known) {
        locals.push(
          known.then((answer) => {
            // A card of the page's own (a reference no paper matched) is kept under its href.
            const key =
              answer && (answer.key ?? (answer.card ? (`local:${raw}` as PaperKey) : null));
            if (key && answer.card) cards.set(key, answer.card);
            verdicts.set(anchor, key);
          }),
        );
        continue;
      }
      const href = anchor.href;
      if (typeof href !== 'string' || !mightNamePaper(href)) verdicts.set(anchor, null);
      else asking.push(anchor);
    }
    for (let start = 0; start < asking.length; start += BATCH) {
      const batch = asking.slice(start, start + BATCH);
      // The raw attribute, not the resolved `href`: reading that serialises a URL each time.
      const asked = batch.map((anchor) => anchor.getAttribute('href'));
      const answer = await resolve({ links: batch.map(linkFacts) });
      for (const [key, card] of Object.entries(answer.cards))
        if (card) cards.set(key as PaperKey, card);
      batch.forEach((anchor, index) => {
        // An href changed while the worker answered: the answer is for the old one.
        if (anchor.getAttribute('href') === asked[index])
          verdicts.set(anchor, answer.keys[index] ?? null);
      });
    }
    await Promise.all(locals);
  }

  return {
    resolveAnchors,
    /** The card of the paper an anchor names and the digest has, or null; undefined while unknown. */
    cardFor(anchor: HTMLAnchorElement): CardView | null | undefined {
      const key = verdicts.get(anchor);
      if (key === undefined) return undefined;
      return key ? (cards.get(key) ?? null) : null;
    },
    keyFor: (anchor: HTMLAnchorElement): PaperKey | null => verdicts.get(anchor) ?? null,
    /**
     * For the pointer path, which allocates nothing: the paper's key, null for a link to no
     * paper, undefined while unknown.
     */
    verdictOf: (anchor: HTMLAnchorElement): PaperKey | null | undefined => verdicts.get(anchor),
    /** Whether the digest's card of `key` is here (no card: the digest lacks the paper). */
    hasCard: (key: PaperKey): boolean => cards.has(key),
    /** Drops what is known of a link whose href changed: it is asked about again. */
    forget: (anchor: HTMLAnchorElement) => void verdicts.delete(anchor),
    /** A card that arrived later (a paper looked up on hover). */
    remember: (key: PaperKey, card: CardView) => void cards.set(key, card),
    /** Every remembered card of the paper says whether it is saved (after a save or its undo). */
    markSaved(paperId: string, saved: boolean): void {
      for (const card of cards.values()) if (card.paperId === paperId) card.saved = saved;
    },
  };
}

export type LinkResolver = ReturnType<typeof createLinkResolver>;

/** What a link shows of its target: shorteners keep the real URL in text, title or a data attribute. */
function linkFacts(anchor: HTMLAnchorElement): LinkFacts {
  const facts: LinkFacts = { href: anchor.href };
  if (isShortenerHref(anchor.href)) {
    facts.text = (anchor.textContent ?? '').slice(0, 500);
    facts.title = anchor.title;
    facts.expandedUrl = anchor.dataset.expandedUrl ?? '';
  }
  return facts;
}
