import { describe, expect, it } from 'vitest';
import {
  initialPopupTab,
  openReadingList,
  POPUP_VIEW_KEY,
  type OpenViewBrowser,
} from '@/lib/reading-list/open-view';

function fakeBrowser() {
  const stored: Record<string, unknown> = {};
  const tabs: string[] = [];
  const browser: OpenViewBrowser = {
    storage: { local: { set: async (items) => void Object.assign(stored, items) } },
    tabs: { create: async ({ url }) => void tabs.push(url) },
    runtime: { getURL: (path) => `chrome-extension://id${path}` },
  };
  return { browser, stored, tabs };
}

describe('opening the reading list from a card', () => {
  it('opens the toolbar popup where the browser allows it, asking it to start on the list', async () => {
    const { browser, stored, tabs } = fakeBrowser();
    let opened = 0;
    await openReadingList(
      browser,
      async () => void (opened += 1),
      () => 5_000,
    );
    expect(opened).toBe(1);
    expect(tabs).toEqual([]);
    expect(initialPopupTab('', stored[POPUP_VIEW_KEY], 6_000)).toBe('reading');
  });

  it('opens the popup page in a tab where it may not (Firefox, no window)', async () => {
    const { browser, tabs } = fakeBrowser();
    await openReadingList(browser, () => Promise.reject(new Error('user gesture')));
    await openReadingList(browser, undefined);
    expect(tabs).toEqual([
      'chrome-extension://id/popup.html#reading',
      'chrome-extension://id/popup.html#reading',
    ]);
  });

  it.each([
    ['#reading', undefined, 'reading'],
    ['', undefined, 'search'],
    ['', { tab: 'reading', at: 0 }, 'search'], // long ago: the user opened the popup themselves
    ['', { tab: 'reading', at: 20_000 }, 'search'], // from the future: not trusted
    ['', { tab: 'reading', at: 'soon' }, 'search'],
  ])('starts on the %s/%j request with %s', (hash, stored, tab) => {
    expect(initialPopupTab(hash, stored, 15_000)).toBe(tab);
  });
});
