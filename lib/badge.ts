/**
 * The toolbar badge: how many distinct digest papers the current page links to, over all its
 * frames. Owns: the per-tab tally. Never: keeps anything beyond the open tabs' counts in memory.
 */
import type { MessageSender } from './messages';
import type { PaperKey } from './paper-key';

export type SetBadge = (tabId: number, text: string) => Promise<void> | void;

export function createBadgeTracker(setBadge: SetBadge) {
  // tabId → frameId → the keys that frame reports; a new top document resets its tab.
  const tabs = new Map<number, { topDocumentId?: string; frames: Map<number, PaperKey[]> }>();

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
      const distinct = new Set([...tab.frames.values()].flat()).size;
      await setBadge(tabId, distinct > 0 ? String(distinct) : '');
      return null;
    },
    forget(tabId: number): void {
      tabs.delete(tabId);
    },
  };
}
