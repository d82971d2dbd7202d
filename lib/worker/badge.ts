/**
 * The toolbar badge: how many distinct digest papers the current page links to, over all its
 * frames. Owns: the per-tab tally. Never: keeps anything beyond the open tabs' counts in memory.
 */
import type { MessageSender } from '../protocol/messages';
import type { PaperKey } from '../links/paper-key';

export type SetBadge = (tabId: number, text: string) => Promise<void> | void;

export function createBadgeTracker(setBadge: SetBadge) {
  // tabId → frameId → the keys that frame reports; a new top document resets its tab.
  const tabs = new Map<number, { topDocumentId?: string; frames: Map<number, PaperKey[]> }>();

  async function show(tabId: number): Promise<void> {
    const frames = tabs.get(tabId)?.frames;
    const distinct = frames ? new Set([...frames.values()].flat()).size : 0;
    await setBadge(tabId, distinct > 0 ? String(distinct) : '');
  }

  return {
    async report(knownKeys: PaperKey[], sender: MessageSender): Promise<null> {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return null;
      const frameId = sender.frameId ?? 0;
      let tab = tabs.get(tabId);
      if (!tab || (frameId === 0 && sender.documentId && tab.topDocumentId !== sender.documentId)) {
        tab = { topDocumentId: frameId === 0 ? sender.documentId : undefined, frames: new Map() };
        tabs.set(tabId, tab);
      }
      tab.frames.set(frameId, knownKeys);
      await show(tabId);
      return null;
    },
    /** Shows the tab's count again (after a moment of other feedback on the badge). */
    refresh: (tabId: number) => show(tabId),
    forget(tabId: number): void {
      tabs.delete(tabId);
    },
  };
}
