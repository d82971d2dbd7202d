/**
 * Opening the reading list from a card. A content script cannot open the toolbar popup, and the
 * worker can only where the browser allows it (Firefox: from its own user actions alone; Chrome:
 * with a focused window, and unconfirmed), so the worker opens the popup's page in a tab, on
 * the reading list. Never: opens anything but the extension's own popup page.
 */

export const READING_LIST_HASH = '#reading';

export type PopupTab = 'search' | 'reading';

export interface OpenViewBrowser {
  tabs: { create(properties: { url: string }): Promise<unknown> };
  runtime: { getURL(path: '/popup.html'): string };
}

export async function openReadingList(browser: OpenViewBrowser): Promise<void> {
  await browser.tabs.create({
    url: `${browser.runtime.getURL('/popup.html')}${READING_LIST_HASH}`,
  });
}

/** The tab the popup starts on: the reading list when its address asks for it. */
export function initialPopupTab(hash: string): PopupTab {
  return hash === READING_LIST_HASH ? 'reading' : 'search';
}
