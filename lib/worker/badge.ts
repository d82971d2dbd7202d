/**
 * The toolbar badge: how many distinct papers the current page links to, over all its frames,
 * and a moment of feedback after a save from the context menu. Owns: the per-tab tally. Never:
 * keeps anything beyond the open tabs' counts in memory.
 */
import type { MessageSender } from '../protocol/messages';
import type { BrowserEvent } from './events';

export type SetBadge = (tabId: number, text: string) => Promise<void> | void;

/** How long a save's feedback stays on the badge before the page's count comes back. */
export const FEEDBACK_MS = 2_000;
/** The badge: white on the icon's red, legible on light and dark toolbars alike (contrast 6.8:1). */
export const BADGE_COLOUR = '#b31b1b';
export const BADGE_TEXT_COLOUR = '#ffffff';

export function createBadgeTracker(setBadge: SetBadge) {
  // tabId → frameId → the papers that frame links to; a new top document resets its tab.
  const tabs = new Map<number, { topDocumentId?: string; frames: Map<number, string[]> }>();

  async function show(tabId: number): Promise<void> {
    const frames = tabs.get(tabId)?.frames;
    const distinct = frames ? new Set([...frames.values()].flat()).size : 0;
    await setBadge(tabId, distinct > 0 ? String(distinct) : '');
  }

  return {
    async report(paperIds: string[], sender: MessageSender): Promise<null> {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return null;
      const frameId = sender.frameId ?? 0;
      let tab = tabs.get(tabId);
      if (!tab || (frameId === 0 && sender.documentId && tab.topDocumentId !== sender.documentId)) {
        tab = { topDocumentId: frameId === 0 ? sender.documentId : undefined, frames: new Map() };
        tabs.set(tabId, tab);
      }
      tab.frames.set(frameId, paperIds);
      await show(tabId);
      return null;
    },
    /** Shows `text` for a moment, then the tab's count again. */
    async flash(tabId: number, text: string): Promise<void> {
      await setBadge(tabId, text);
      setTimeout(() => void show(tabId), FEEDBACK_MS);
    },
    forget(tabId: number): void {
      tabs.delete(tabId);
    },
  };
}

export type BadgeTracker = ReturnType<typeof createBadgeTracker>;

/** The toolbar button's badge methods: MV3's `action`, or Firefox MV2's `browserAction`. */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  /** Chrome 110+ and Firefox; where absent the browser picks a colour that contrasts. */
  setBadgeTextColor?(details: { color: string }): Promise<void>;
}

export interface BadgeBrowser {
  tabs: { onRemoved: BrowserEvent<(tabId: number) => void> };
}

export function registerBadge(browser: BadgeBrowser, action: BadgeAction): BadgeTracker {
  const badge = createBadgeTracker(async (tabId, text) => {
    await action.setBadgeText({ tabId, text }).catch(() => undefined); // tab closed meanwhile
  });
  void action.setBadgeBackgroundColor({ color: BADGE_COLOUR }).catch(() => undefined);
  void action.setBadgeTextColor?.({ color: BADGE_TEXT_COLOUR }).catch(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => badge.forget(tabId));
  return badge;
}
