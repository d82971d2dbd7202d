/**
 * The content script's controller: delegated listeners, hover intent, the card and the markers.
 * Owns: wiring those together for one frame. Never: touches IndexedDB, renders HTML from strings,
 * acts on an event the user did not make (`isTrusted`), or leaves anything behind when the
 * extension is updated or switched off.
 */
import type { CitationOutcome, HoverCardState } from './card/HoverCard';
import type { CardView } from './card/view';
import type { ProtocolMap } from '../protocol/messages';
import type { PaperKey } from '../links/paper-key';
import type { ZoteroOutcome } from '../zotero/outcome';
import { isSiteDisabled, type Settings } from '../settings';
import { HOST_TAG, type CardHost } from './card/host';
import type { CardUi } from './card/render';
import type { ScriptContext } from './script-context';
import { createHoverIntent } from './hover-intent';
import { createLinkResolver, type LocalLinks } from './link-resolver';
import { createMarkers } from './markers';
import { mayLookUp } from '../links/lookup-keys';
import { createCardActions, type ShownCard } from './card-actions';

export const GRACE_MS = 300;
const PASSIVE = { capture: true, passive: true };

// Here, not imported from the card module: the content script must not carry the card's code.
export const NEW_CARD: HoverCardState = {
  expanded: false,
  menuOpen: false,
  pending: null,
  justSaved: false,
  retriedInVain: false,
  zotero: null,
  citation: null,
  error: null,
};

export interface PaperPeekEnvironment {
  ctx: ScriptContext;
  document: Document;
  /** The card's rendering, loaded on the first hover of a paper link (it is most of the code). */
  loadCardUi(): Promise<CardUi>;
  resolveLinks(
    request: ProtocolMap['resolveLinks']['request'],
  ): Promise<ProtocolMap['resolveLinks']['response']>;
  save(paperId: string): Promise<unknown>;
  saveToZotero(paperIds: string[]): Promise<ZoteroOutcome>;
  /** Puts the paper's citation in `style` on this page's clipboard; says what came of it. */
  copyCitation(paperId: string, style: string): Promise<CitationOutcome>;
  /** Takes back a save made from this card (the worker refuses once the entry was edited). */
  undoSave(paperId: string): Promise<unknown>;
  openReadingList(): Promise<unknown>;
  /** Opens PaperPeek's options page (a content script cannot). */
  openSettings(): Promise<unknown>;
  /**
   * The card of an arXiv paper the digest lacks (the worker may ask arXiv), or one that says why
   * there is no abstract; asked on hover only.
   */
  fetchPaper(key: PaperKey): Promise<CardView>;
  /** What the page itself knows of some links (the reader's citations); absent on web pages. */
  localLinks?: LocalLinks;
  /** The distinct papers this frame links to, for the toolbar badge. */
  reportKnownPapers(paperIds: string[]): void;
  settings: Settings;
  updateSettings(changes: Partial<Settings>): Promise<void>;
}

export function startPaperPeek(env: PaperPeekEnvironment) {
  const { ctx, document: doc } = env;
  let settings = env.settings;
  const hostname = doc.location?.hostname ?? '';
  // Read on every pointer event, so computed once per settings change.
  let enabled = false;
  const applySettings = (next: Settings) => {
    settings = next;
    enabled = settings.previewsEnabled && !isSiteDisabled(settings, hostname);
  };
  applySettings(settings);

  // A previous copy of this script (before an update) may have left its card: remove it. (A live
  // collection, as the markers use: a NodeList would be one more interface built at injection.)
  const staleCards = doc.getElementsByTagName(HOST_TAG);
  while (staleCards[0]) staleCards[0].remove();

  const resolver = createLinkResolver(env.resolveLinks, env.localLinks);
  let card: CardHost | null = null;
  let shown: ShownCard | null = null;
  let cardState: HoverCardState = NEW_CARD;
  let cardFocused = false;
  // The card closes when both the pointer and the focus have left it: a click that moves the
  // focus (or takes it away, as a re-rendered control can) must not close the card under the
  // pointer, and a keyboard user's card must not close because the pointer rests elsewhere.
  let pointerInCard = false;
  let returningFocus = false;
  let ui: CardUi | null = null;
  let uiLoading: Promise<CardUi> | null = null;
  /** Starts loading the card's rendering at most once; a failed load is tried again next time. */
  const loadUi = (): Promise<CardUi> => {
    uiLoading ??= env.loadCardUi().then(
      (loaded) => (ui = loaded),
      (error: unknown) => {
        uiLoading = null;
        throw error;
      },
    );
    return uiLoading;
  };

  const intent = createHoverIntent<HTMLAnchorElement>({
    dwellMs: () => settings.hoverDelayMs,
    graceMs: GRACE_MS,
    // Read on every link the pointer reaches: `performance` is a lookup on the page's window from
    // this isolated world (6 µs a move in a profile), `Date.now` is the engine's own.
    now: () => Date.now(),
    timers: {
      set: (callback, ms) => ctx.setTimeout(callback, ms),
      clear: (id) => ctx.clearTimeout(id),
    },
    // The pointer on the link or inside it, or the keyboard's focus on it.
    stillThere: (anchor) => anchor.matches(':hover, :focus'),
    // Where an instance learns that the extension was updated or removed, besides a failed
    // message: then it ends (listeners, card and markers go) instead of opening or closing.
    open: (anchor) => {
      if (ctx.isInvalid) return;
      followExits(true);
      void openCard(anchor);
    },
    close: () => {
      if (ctx.isInvalid) return;
      followExits(false);
      closeCard();
    },
  });

  async function openCard(anchor: HTMLAnchorElement): Promise<void> {
    try {
      await loadUi();
    } catch {
      return; // the extension was reloaded under us: no card, as for any unknown link
    }
    let view = resolver.cardFor(anchor);
    if (view === undefined) {
      try {
        await resolver.resolveAnchors([anchor]);
      } catch {
        return; // the extension was reloaded under us
      }
      view = resolver.cardFor(anchor);
    }
    const key = resolver.keyFor(anchor);
    if (view === null && key && mayLookUp(key)) {
      try {
        view = await env.fetchPaper(key);
      } catch {
        return; // the extension was reloaded (the worker answers offline with a card that says so)
      }
      // A card that says why there is no abstract is asked for again next time.
      if (!view.missing) resolver.remember(key, view);
    }
    // The user may have moved on while the answer was on its way: then it is never shown.
    if (!view || intent.opened !== anchor || ctx.isInvalid || !enabled) return;
    const title = anchor.getAttribute('title');
    // The link's own tooltip would cover the card: suppressed while open, restored afterwards.
    if (title !== null) anchor.removeAttribute('title');
    shown = { anchor, view, title };
    cardState = NEW_CARD;
    paint(true);
  }

  function closeCard(): void {
    if (!shown) return;
    const { anchor, title } = shown;
    if (title !== null && !anchor.hasAttribute('title')) anchor.setAttribute('title', title);
    shown = null;
    if (cardFocused) {
      // The focus goes back to the link without reopening its card (focus() is synchronous).
      returningFocus = true;
      anchor.focus({ preventScroll: true });
      returningFocus = false;
    }
    cardFocused = false;
    pointerInCard = false;
    card?.hide();
  }

  /** Renders the card for `shown` and places it next to its link. */
  function paint(opening = false): void {
    if (!shown || !ui) return;
    card ??= createCard(ui);
    ui.paint(card, shown.anchor, { view: shown.view, state: cardState, on: handlers }, opening);
  }

  /** Whether a keyboard user is in the card (a clicked button has the focus but not this). */
  const keyboardInCard = () =>
    cardFocused && card?.root.activeElement?.matches(':focus-visible') === true;

  function createCard(cardUi: CardUi): CardHost {
    const host = cardUi.createHost(doc);
    const { root } = host;
    ctx.addEventListener(root, 'focusin', () => {
      cardFocused = true;
      intent.enterCard();
    });
    ctx.addEventListener(root, 'focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (next && (root.contains(next) || next === shown?.anchor)) return;
      cardFocused = false;
      if (!pointerInCard) intent.leaveCard();
    });
    ctx.addEventListener(root, 'keydown', (event) => onCardKey(event as KeyboardEvent));
    ctx.onInvalidated(() => host.remove());
    return host;
  }

  /** Tab out of the card's last control (or Shift+Tab out of its first) goes back to the link. */
  function onCardKey(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || !card || !shown) return;
    const focusable = [
      ...card.root.querySelectorAll<HTMLElement>('a[href],button:not([disabled])'),
    ];
    const edge = event.shiftKey ? focusable[0] : focusable.at(-1);
    if (card.root.activeElement !== edge) return;
    event.preventDefault();
    const { anchor } = shown;
    if (event.shiftKey) anchor.focus();
    else {
      intent.dismiss();
      anchor.focus();
    }
  }

  const handlers = createCardActions(env, {
    shown: () => shown,
    state: () => cardState,
    update(changes) {
      cardState = { ...cardState, ...changes };
      paint();
    },
    keyboardInCard,
    focus: (selector) => card?.root.querySelector<HTMLElement>(selector)?.focus(),
    dismiss: () => intent.dismiss(),
    settings: () => settings,
    hostname,
    resolver,
  });

  // Each global named from this isolated world is a lookup on the page's window: the
  // constructors are looked up once, not on every pointer event, and only at the first one (each
  // DOM interface is built in this world on first use, a cost every page would pay at injection).
  let ElementType: typeof Element | undefined;
  let AnchorType: typeof HTMLAnchorElement | undefined;
  /** The link an event happened in, or null (an HTML anchor or an SVG link). */
  const linkOf = (target: EventTarget | null): Element | null => {
    ElementType ??= Element;
    return target instanceof ElementType ? target.closest('a[href]') : null;
  };

  // One delegated set of listeners for the whole document; the per-event work is a closest()
  // and a WeakMap read. The worker is asked about a link as soon as the pointer reaches it, so
  // the answer is usually there before the dwell ends.
  function onEnter(event: Event): void {
    // A page's synthetic events never open a card: it could otherwise read what it shows.
    if (!event.isTrusted || !enabled || returningFocus) return;
    // The open card's link left the page (a single-page app, a PDF replaced in the reader): no
    // pointerout will ever come from it.
    if (shown && !shown.anchor.isConnected) intent.dismiss();
    // Events from inside the card reach the document retargeted to its host element.
    if (card?.contains(event.target as Node)) {
      if (event.type === 'pointerover') pointerInCard = true;
      return intent.enterCard();
    }
    const link = linkOf(event.target);
    if (!link) return;
    // Verdicts are kept for HTML anchors only: an SVG link is checked once, when it has none.
    const anchor = link as HTMLAnchorElement;
    const key = resolver.verdictOf(anchor);
    // A paper the digest lacks may still get a card (looked up after the dwell).
    if (key === null || (key && !resolver.hasCard(key) && !mayLookUp(key))) return;
    if (key === undefined) {
      AnchorType ??= HTMLAnchorElement;
      if (!(link instanceof AnchorType)) return;
      void resolver.resolveAnchors([anchor]).catch(() => undefined);
    }
    // The card's code loads during the dwell, so the first card is not late (asked once: a
    // promise per pointer event was a measurable part of PaperPeek's cost per event).
    if (!ui && !uiLoading) void loadUi().catch(() => undefined);
    intent.enterLink(anchor);
  }
  /**
   * Leaving matters only once a card is open (where the pointer or focus went decides between
   * the grace period and nothing): the `pointerout` and `focusout` listeners are there only then,
   * so a pointer sweeping a page calls one listener per move, not two.
   */
  let followingExits = false;
  function followExits(follow: boolean): void {
    if (follow === followingExits) return;
    followingExits = follow;
    if (follow) {
      doc.addEventListener('pointerout', onLeave, PASSIVE);
      doc.addEventListener('focusout', onLeave, PASSIVE);
    } else {
      doc.removeEventListener('pointerout', onLeave, PASSIVE);
      doc.removeEventListener('focusout', onLeave, PASSIVE);
    }
  }
  function onLeave(event: Event): void {
    if (card && event.type === 'pointerout' && card.contains(event.target as Node)) {
      const next = (event as PointerEvent).relatedTarget as Node | null;
      if (card.contains(next)) return;
      pointerInCard = false;
      if (!(next && shown?.anchor.contains(next)) && !keyboardInCard()) intent.leaveCard();
      return;
    }
    // Only the link whose card shows is followed: reading where the pointer went costs a DOM
    // wrapper in this isolated world. A link still in its dwell is checked when the dwell ends.
    const opened = intent.opened;
    if (!opened) return;
    // The open link is an HTML anchor: an identity test needs no instanceof.
    if (linkOf(event.target) !== opened) return;
    const next = (event as PointerEvent | FocusEvent).relatedTarget as Node | null;
    if (next && (opened.contains(next) || card?.contains(next))) return;
    intent.leaveLink(opened);
  }
  function onKey(event: KeyboardEvent): void {
    if (!shown) return;
    if (event.key === 'Escape') {
      intent.dismiss();
    } else if (event.key === 'Tab' && !event.shiftKey && event.target === shown.anchor && card) {
      const first = card.root.querySelector<HTMLElement>('a[href],button:not([disabled])');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  ctx.addEventListener(doc, 'pointerover', onEnter, PASSIVE);
  ctx.addEventListener(doc, 'focusin', onEnter, PASSIVE);
  ctx.onInvalidated(() => followExits(false));
  ctx.addEventListener(doc, 'keydown', (event) => onKey(event as KeyboardEvent), { capture: true });

  const markers = createMarkers({
    document: doc,
    resolver,
    whenIdle: (work) =>
      'requestIdleCallback' in globalThis
        ? requestIdleCallback(work, { timeout: 500 })
        : ctx.setTimeout(work, 16),
    after: (ms, work) => {
      const id = ctx.setTimeout(work, ms);
      return () => ctx.clearTimeout(id);
    },
    // Milliseconds are fine for 4 ms slices, and `performance` would be one more interface built
    // at injection.
    now: () => Date.now(),
    onKnownPapers: env.reportKnownPapers,
    decorate: () => settings.markersEnabled && enabled,
  });
  markers.start();
  ctx.onInvalidated(() => {
    intent.dismiss();
    markers.stop();
  });

  return {
    /** Applies changed settings at once, without a reload. */
    applySettings(next: Settings): void {
      applySettings(next);
      if (!enabled) intent.dismiss();
      markers.refresh();
    },
  };
}
