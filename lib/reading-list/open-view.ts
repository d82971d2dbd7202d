/**
 * Opening the reading list from a card. A content script cannot open the toolbar popup, so the
 * worker does: the popup itself where the browser allows it (Chrome; Firefox only from its own
 * user actions), else the same page in a tab. Owns: how the popup learns to start on the reading
 * list. Never: opens anything but the extension's own popup page.
 */

/** `storage.local` key: the popup opened within FRESH_MS of it starts on the reading list. */
export const POPUP_VIEW_KEY = 'popupView';
const FRESH_MS = 10_000;
export const READING_LIST_HASH = '#reading';

export type PopupTab = 'search' | 'reading';

export interface OpenViewBrowser {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  runtime: { getURL(path: '/popup.html'): string };
}

export async function openReadingList(
  browser: OpenViewBrowser,
  /** `action.openPopup` (or `browserAction.openPopup`), where the browser has it. */
  openPopup: (() => Promise<unknown>) | undefined,
  now: () => number = Date.now,
): Promise<void> {
  await browser.storage.local.set({ [POPUP_VIEW_KEY]: { tab: 'reading', at: now() } });
  try {
    if (!openPopup) throw new Error('no popup to open');
    await openPopup();
  } catch {
    await browser.tabs.create({
      url: `${browser.runtime.getURL('/popup.html')}${READING_LIST_HASH}`,
    });
  }
}

/** The tab the popup starts on: the reading list when asked for by its address or just now. */
export function initialPopupTab(hash: string, stored: unknown, now: number): PopupTab {
  if (hash === READING_LIST_HASH) return 'reading';
  const request = stored as { tab?: unknown; at?: unknown } | null | undefined;
  const fresh =
    request?.tab === 'reading' &&
    typeof request.at === 'number' &&
    now - request.at >= 0 &&
    now - request.at < FRESH_MS;
  return fresh ? 'reading' : 'search';
}
