/**
 * "Open in PaperPeek reader" on the context menu of links to PDFs: any PDF link, not only arXiv's,
 * opens in a new tab of the reader, which asks for the site's permission first when it needs it.
 * Owns: the menu item and its click. Never: fetches the PDF (the reader does).
 */
import { looksLikePdfAddress, readerAddress } from '../reader/address';
import type { BrowserEvent, LinkMenus } from './events';

export const READER_MENU_ID = 'paperpeek-open-in-reader';

/** Links the item is offered on: what looks like a PDF by its address. */
export const READER_MENU_PATTERNS = [
  '*://*/*.pdf',
  '*://*/*.pdf?*',
  '*://*/*.PDF',
  '*://arxiv.org/pdf/*',
  '*://*.arxiv.org/pdf/*',
  '*://openreview.net/pdf*',
];

export interface ReaderMenuBrowser {
  runtime: { onInstalled: BrowserEvent<() => void>; getURL(path: '/reader.html'): string };
  contextMenus: LinkMenus;
  tabs: {
    create(properties: { url: string; openerTabId?: number; index?: number }): Promise<unknown>;
  };
}

export function registerReaderMenu(browser: ReaderMenuBrowser): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: READER_MENU_ID,
      title: 'Open in PaperPeek reader',
      contexts: ['link'],
      targetUrlPatterns: READER_MENU_PATTERNS,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== READER_MENU_ID || !info.linkUrl) return;
    if (!looksLikePdfAddress(info.linkUrl)) return;
    const url = readerAddress(browser.runtime.getURL('/reader.html'), info.linkUrl);
    // Next to the tab it was opened from, as a link opened in a new tab would be.
    void browser.tabs
      .create({
        url,
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      })
      .catch((error: unknown) => console.error('PaperPeek could not open the reader:', error));
  });
}
