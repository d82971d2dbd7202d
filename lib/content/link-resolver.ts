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

interface Verdict {
  /** The raw `href` attribute the verdict was made for: a single-page app may change it. */
  href: string | null;
  key: PaperKey | null;
}

const BATCH = 500;

export function createLinkResolver(resolve: Resolve) {
  const verdicts = new WeakMap<HTMLAnchorElement, Verdict>();
  const cards = new Map<PaperKey, CardView>();

  /** The verdict for an anchor, if known and its href has not changed since. */
  const known = (anchor: HTMLAnchorElement): Verdict | undefined => {
    const verdict = verdicts.get(anchor);
    // The attribute, not the resolved `href` property: reading that serialises a URL each time.
    return verdict && verdict.href === anchor.getAttribute('href') ? verdict : undefined;
  };

  /** Asks the worker about every anchor not yet known; the cheap test settles most on the spot. */
  async function resolveAnchors(anchors: HTMLAnchorElement[]): Promise<void> {
    const asking: HTMLAnchorElement[] = [];
    for (const anchor of anchors) {
      if (known(anchor)) continue;
      const href = anchor.href;
      if (typeof href !== 'string' || !mightNamePaper(href))
        verdicts.set(anchor, { href, key: null });
      else asking.push(anchor);
    }
    for (let start = 0; start < asking.length; start += BATCH) {
      const batch = asking.slice(start, start + BATCH);
      const answer = await resolve({ links: batch.map(linkFacts) });
      for (const [key, card] of Object.entries(answer.cards))
        if (card) cards.set(key as PaperKey, card);
      batch.forEach((anchor, index) =>
        verdicts.set(anchor, {
          href: anchor.getAttribute('href'),
          key: answer.keys[index] ?? null,
        }),
      );
    }
  }

  return {
    resolveAnchors,
    /** The card of the paper an anchor names and the digest has, or null; undefined while unknown. */
    cardFor(anchor: HTMLAnchorElement): CardView | null | undefined {
      const verdict = known(anchor);
      if (!verdict) return undefined;
      return verdict.key ? (cards.get(verdict.key) ?? null) : null;
    },
    keyFor: (anchor: HTMLAnchorElement): PaperKey | null => known(anchor)?.key ?? null,
    /**
     * Both at once (one read of the link's href, for the pointer path): undefined while unknown,
     * else the paper's key (null for no paper) and its card (null when the digest lacks it).
     */
    lookUp(anchor: HTMLAnchorElement): { key: PaperKey | null; view: CardView | null } | undefined {
      const verdict = known(anchor);
      if (!verdict) return undefined;
      return { key: verdict.key, view: verdict.key ? (cards.get(verdict.key) ?? null) : null };
    },
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
