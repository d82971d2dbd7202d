/**
 * The popup's offer to open the tab's PDF in the reader: which tab, and the PDF's address. The
 * browser's PDF viewer runs no content script, so this reads the tab's address, which the browser
 * gives only with `activeTab` (after the user's click on the toolbar button) or a host permission
 * for that site. Owns: that question. Never: reads more than the active tab's address, or opens
 * anything.
 */
import { tabsBehindPopup, type ActiveTabs } from '../protocol/page-site';
import { looksLikePdfAddress } from './address';

/** The slice of `browser.tabs` this needs. */
export type TabsForPdf = ActiveTabs<{ id?: number; url?: string }>;

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
