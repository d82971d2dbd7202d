import { describe, expect, it } from 'vitest';
import { initialPopupTab, openReadingList } from '@/lib/reading-list/open-view';

describe('opening the reading list from a card', () => {
  it('opens the popup page in a tab, on the reading list', async () => {
    const tabs: string[] = [];
    await openReadingList({
      tabs: { create: async ({ url }) => void tabs.push(url) },
      runtime: { getURL: (path) => `chrome-extension://id${path}` },
    });
    expect(tabs).toEqual(['chrome-extension://id/popup.html#reading']);
  });

  it.each([
    ['#reading', 'reading'],
    ['', 'search'],
    ['#other', 'search'],
  ])('starts the popup for %j on %s', (hash, tab) => {
    expect(initialPopupTab(hash)).toBe(tab);
  });
});
