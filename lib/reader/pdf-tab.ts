/**
 * The popup's offer to open the tab's PDF in the reader: which tab, and the PDF's address. The
 * browser's PDF viewer runs no content script, so this reads the tab's address, which the
 * extension may read on the pages its content script is declared for (every http(s) page).
 * Owns: that question. Never: reads more than the active tab's address, or opens anything.
 */
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

/**
 * The PDF the user was looking at when they opened the popup, or null. As for the site switch
 * (`page-site.ts`), the popup's own page in a window of its own is looked past.
 */
export async function pdfOfActiveTab(tabs: TabsForPdf): Promise<PdfTab | null> {
  const [focused] = await tabs.query({
    active: true,
    windowType: 'normal',
    lastFocusedWindow: true,
  });
  const candidates = focused ? [focused] : await tabs.query({ active: true, windowType: 'normal' });
  for (const tab of candidates) {
    if (tab.id !== undefined && tab.url && looksLikePdfAddress(tab.url))
      return { tabId: tab.id, url: tab.url };
  }
  return null;
}
