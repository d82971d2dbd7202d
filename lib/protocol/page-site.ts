/**
 * The one question the popup asks a page's content script: which site the page is on, so the
 * popup can offer "Turn off on this site" without the "tabs" permission (a tab's URL is not
 * readable without it; its id is, and its content script knows its own host). Owns: the shape
 * of that question and answer, and which tab is the one behind the popup. Never: reveals more
 * of the page than its host name.
 */

export const SITE_QUESTION = 'paperpeek:site';

export interface SiteAnswer {
  hostname: string;
}

export function isSiteQuestion(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === SITE_QUESTION;
}

/** The slice of `browser.tabs` the popup needs. */
export interface TabsForSite {
  query(query: {
    active: true;
    windowType: 'normal';
    lastFocusedWindow?: true;
  }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

/** What `tabsBehindPopup` asks of `browser.tabs`. */
export interface ActiveTabs<Tab> {
  query(query: { active: true; windowType: 'normal'; lastFocusedWindow?: true }): Promise<Tab[]>;
}

/**
 * The tab the user was looking at when they opened the popup: the active tab of the last focused
 * normal window, else the active tab of each normal window. The toolbar popup is no tab of its
 * own; the popup's page opened in a window of its own is not a normal window: both look past it.
 */
export async function tabsBehindPopup<Tab>(tabs: ActiveTabs<Tab>): Promise<Tab[]> {
  const [focused] = await tabs.query({
    active: true,
    windowType: 'normal',
    lastFocusedWindow: true,
  });
  return focused ? [focused] : tabs.query({ active: true, windowType: 'normal' });
}

/**
 * The site of the page the user was looking at when they opened the popup (`tabsBehindPopup`),
 * or null (a browser page, a page where the content script cannot run, or none).
 */
export async function siteOfActivePage(tabs: TabsForSite): Promise<string | null> {
  for (const tab of await tabsBehindPopup(tabs)) {
    if (tab.id === undefined) continue;
    try {
      const answer = (await tabs.sendMessage(tab.id, { type: SITE_QUESTION }, { frameId: 0 })) as
        Partial<SiteAnswer> | undefined;
      if (typeof answer?.hostname === 'string' && answer.hostname) return answer.hostname;
    } catch {
      // No content script there (a browser page, the store, a PDF viewer): nothing to offer.
    }
  }
  return null;
}
