/** The popup's offer for the tab's PDF: which tab, for which addresses, and the popup's own window. */
import { describe, expect, it } from 'vitest';
import { pdfOfActiveTab, type TabsForPdf } from '@/lib/reader/pdf-tab';

/** Tabs as `browser.tabs.query` answers: the focused window's active tab first, if it is normal. */
function tabsWith(
  focused: { id?: number; url?: string } | null,
  others: { id?: number; url?: string }[] = [],
): TabsForPdf {
  return {
    query: async (query) => (query.lastFocusedWindow ? (focused ? [focused] : []) : others),
  };
}

describe('the PDF of the tab behind the popup', () => {
  it.each([
    ['https://arxiv.org/pdf/2307.06948v2', true],
    ['https://openreview.net/pdf?id=abc', true],
    ['https://example.org/papers/attention.pdf', true],
    ['https://example.org/papers/ATTENTION.PDF?download=1', true],
    ['https://arxiv.org/abs/2307.06948', false],
    ['file:///home/me/paper.pdf', false],
    ['chrome-extension://id/reader.html?file=x.pdf', false],
    ['https://example.org/pdf-tools', false],
  ])('%s: offered %s', async (url, offered) => {
    expect(await pdfOfActiveTab(tabsWith({ id: 4, url }))).toEqual(
      offered ? { tabId: 4, url } : null,
    );
  });

  it('is none when the browser does not say the address (no click on the toolbar button)', async () => {
    expect(await pdfOfActiveTab(tabsWith({ id: 4 }))).toBeNull();
  });

  it('looks past the popup’s own window to the active tab of a normal one', async () => {
    const tab = { id: 9, url: 'https://example.org/a.pdf' };
    expect(await pdfOfActiveTab(tabsWith(null, [tab]))).toEqual({ tabId: 9, url: tab.url });
  });
});
