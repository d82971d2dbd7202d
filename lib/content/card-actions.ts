/**
 * What the buttons of an open card do: save and undo, save to Zotero, copy the citation, try a
 * look-up again, open the reading list or the settings, turn PaperPeek off. Owns: the card's state while an action is on its way, and
 * where the keyboard's focus goes when the control it was on goes away. Never: acts on an event
 * the user did not make (`isTrusted`), or changes a card the user has since left.
 */
import type { CitationOutcome, HoverCardProps, HoverCardState } from './card/HoverCard';
import type { CardView } from './card/view';
import type { PaperKey } from '../links/paper-key';
import type { Settings } from '../settings';
import type { ZoteroOutcome } from '../zotero/outcome';

/** The card on screen: its link, what it shows, and the link's own tooltip while it is hidden. */
export interface ShownCard {
  anchor: HTMLAnchorElement;
  view: CardView;
  title: string | null;
}

/** A retry that fails at once still says "Trying again…" long enough to be read. */
export const RETRY_SHOWN_MS = 600;

/** What the actions ask of the extension: the content script's environment. */
export interface CardActionsEnvironment {
  save(paperId: string): Promise<unknown>;
  saveToZotero(paperIds: string[]): Promise<ZoteroOutcome>;
  copyCitation(paperId: string, style: string): Promise<CitationOutcome>;
  undoSave(paperId: string): Promise<unknown>;
  fetchPaper(key: PaperKey): Promise<CardView>;
  openReadingList(): Promise<unknown>;
  openSettings(): Promise<unknown>;
  updateSettings(changes: Partial<Settings>): Promise<void>;
  ctx: { setTimeout(callback: () => void, ms: number): unknown };
}

/** The open card, as the controller keeps it. */
export interface OpenCard {
  shown(): ShownCard | null;
  state(): HoverCardState;
  /** Changes the card's state and paints it. */
  update(changes: Partial<HoverCardState>): void;
  /** Whether a keyboard user is in the card (a clicked button has the focus but not this). */
  keyboardInCard(): boolean;
  /** Moves the focus to the card's control matching `selector`. */
  focus(selector: string): void;
  /** Closes the card for good (not after a grace period). */
  dismiss(): void;
  /** This frame's settings now, and its host. */
  settings(): Settings;
  hostname: string;
  resolver: {
    keyFor(anchor: HTMLAnchorElement): PaperKey | null | undefined;
    remember(key: PaperKey, view: CardView): void;
    markSaved(paperId: string, saved: boolean): void;
  };
}

export function createCardActions(
  env: CardActionsEnvironment,
  card: OpenCard,
): HoverCardProps['on'] {
  /** Every card action: only for real user input, never for a page's scripted click(). */
  const trusted = (action: () => void) => (event: Event) => {
    if (event.isTrusted) action();
  };
  /** The card shown for `current` is still up: an answer for an older card changes nothing. */
  const stillShowing = (current: ShownCard | null) => current !== null && card.shown() === current;
  const setSaved = (current: ShownCard, saved: boolean) => {
    card.resolver.markSaved(current.view.paperId, saved);
    current.view = { ...current.view, saved };
  };
  // Whatever was on its way (a save, a retry, a save to Zotero) is over.
  const failed = (current: ShownCard) => (error: unknown) => {
    if (stillShowing(current))
      card.update({ pending: null, zotero: null, citation: null, error: (error as Error).message });
  };

  /**
   * Save, or Undo of a save made from this card. The control the keyboard was on goes away with
   * it: the focus goes on to Undo after a save, back to Save after an undo, inside the card.
   */
  const saveOrUndo = (undo: boolean) => {
    const current = card.shown();
    if (!current || current.view.saved !== undo || card.state().pending) return;
    if (!undo && current.view.missing) return;
    const fromKeyboard = card.keyboardInCard();
    card.update({ pending: undo ? 'undo' : 'save', error: null });
    (undo ? env.undoSave : env.save)(current.view.paperId).then(() => {
      setSaved(current, !undo);
      if (!stillShowing(current)) return;
      card.update({ pending: null, justSaved: !undo });
      if (fromKeyboard) card.focus(undo ? '.s' : '.u');
    }, failed(current));
  };

  return {
    toggleExpanded: trusted(() => card.update({ expanded: !card.state().expanded })),
    toggleMenu: trusted(() => card.update({ menuOpen: !card.state().menuOpen })),
    save: trusted(() => saveOrUndo(false)),
    undoSave: trusted(() => saveOrUndo(true)),
    // On its own: the reading list is neither needed nor changed, and a failure says why there.
    saveToZotero: trusted(() => {
      const current = card.shown();
      if (!current || current.view.missing || card.state().zotero === 'saving') return;
      card.update({ zotero: 'saving', error: null });
      env
        .saveToZotero([current.view.paperId])
        .then((zotero) => stillShowing(current) && card.update({ zotero }), failed(current));
    }),
    // In the style the popup's reading list last copied in (one remembered choice everywhere).
    copyCitation: trusted(() => {
      const current = card.shown();
      if (!current || current.view.missing || card.state().citation === 'copying') return;
      card.update({ citation: 'copying', error: null });
      env
        .copyCitation(current.view.paperId, card.settings().citationStyle)
        // A rejection: the module did not load (the extension was updated under the page).
        .then((citation) => stillShowing(current) && card.update({ citation }), failed(current));
    }),
    retry: trusted(() => {
      const current = card.shown();
      const key = current && card.resolver.keyFor(current.anchor);
      if (!current || !key || card.state().pending) return;
      card.update({ pending: 'retry', retriedInVain: false, error: null });
      Promise.all([
        env.fetchPaper(key),
        new Promise((resolve) => env.ctx.setTimeout(() => resolve(null), RETRY_SHOWN_MS)),
      ]).then(
        ([view]) => {
          if (!view.missing) card.resolver.remember(key, view);
          if (!stillShowing(current)) return;
          current.view = view;
          card.update({ pending: null, retriedInVain: view.missing !== undefined });
        },
        // The extension was reloaded: the card stays as it was.
        () => stillShowing(current) && card.update({ pending: null }),
      );
    }),
    openReadingList: trusted(() => {
      const current = card.shown();
      if (current) void env.openReadingList().catch(failed(current));
    }),
    openSettings: trusted(() => {
      const current = card.shown();
      if (current) void env.openSettings().catch(failed(current));
    }),
    disableSite: trusted(() => {
      card.dismiss();
      const { disabledSites } = card.settings();
      void env.updateSettings({ disabledSites: [...disabledSites, card.hostname] });
    }),
    turnOff: trusted(() => {
      card.dismiss();
      void env.updateSettings({ previewsEnabled: false });
    }),
  };
}
