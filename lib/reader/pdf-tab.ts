/**
 * The popup's offer to open the tab's PDF in the reader: which tab, and the PDF's address. The
 * browser's PDF viewer runs no content script, so this reads the tab's address, which the
 * extension may read on the pages its content script is declared for (every http(s) page).
 * Owns: that question. Never: reads more than the active tab's address, or opens anything.
 */
import { tabsBehindPopup } from '../protocol/page-site';
import { looksLikePdfAddress } from './address';

/** The slice of `browser.tabs` this needs. */
export interface TabsForPdf {
  query(query: {
    active: true;
    windowType: 'normal';
    lastFocusedWindow?: true;
  }): Promise<{ id?: number; url?: string }[]>;
}

export interface PdfTab {
  tabId: number;
  url: string;
}

/** The PDF the user was looking at when they opened the popup (`tabsBehindPopup`), or null. */
export async function pdfOfActiveTab(tabs: TabsForPdf): Promise<PdfTab | null> {
  for (const tab of await tabsBehindPopup(tabs)) {
    if (tab.id !== undefined && tab.url && looksLikePdfAddress(tab.url))
      return { tabId: tab.id, url: tab.url };
  }
  return null;
}
