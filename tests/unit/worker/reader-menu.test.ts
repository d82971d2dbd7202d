/** "Open in PaperPeek reader" on links to PDFs, and the addresses the reader is offered for. */
import { describe, expect, it, vi } from 'vitest';
import { looksLikePdfAddress, readerAddress } from '@/lib/reader/address';
import { READER_MENU_ID, registerReaderMenu } from '@/lib/worker/reader-menu';
import { fakeEvent } from '../../helpers/fake-events';

describe('addresses that look like PDFs', () => {
  it.each([
    ['https://arxiv.org/pdf/2307.06948', true],
    ['https://export.arxiv.org/pdf/hep-th/9901001v1', true],
    ['https://openreview.net/pdf?id=rJ4km2R5t7', true],
    ['https://aclanthology.org/N19-1423.pdf', true],
    ['http://proceedings.mlr.press/v139/radford21a/radford21a.pdf', true],
    ['https://example.org/paper.PDF?download=1', true],
    ['https://arxiv.org/abs/2307.06948', false],
    ['https://example.org/pdf-tools', false],
    ['file:///home/me/paper.pdf', false],
    ['javascript:alert(1)//.pdf', false],
  ])('%s: %s', (url, pdf) => expect(looksLikePdfAddress(url)).toBe(pdf));
});

describe('the context menu item, registered on a fake browser', () => {
  type Clicked = (
    info: { menuItemId: string | number; linkUrl?: string },
    tab?: { id?: number; index?: number },
  ) => void;

  function register() {
    const onInstalled = fakeEvent<() => void>();
    const onClicked = fakeEvent<Clicked>();
    const created: unknown[] = [];
    const opened: unknown[] = [];
    registerReaderMenu({
      runtime: { onInstalled, getURL: () => 'chrome-extension://id/reader.html' },
      contextMenus: { create: (properties) => created.push(properties), onClicked },
      tabs: { create: async (properties) => void opened.push(properties) },
    });
    return { onInstalled, onClicked, created, opened };
  }

  it('adds the item on install, for links that look like PDFs', () => {
    const { onInstalled, created } = register();
    onInstalled.fire();
    expect(created).toEqual([
      expect.objectContaining({ id: READER_MENU_ID, title: 'Open in PaperPeek reader' }),
    ]);
  });

  it('opens the reader on the link in a new tab next to the page', async () => {
    const menu = register();
    const linkUrl = 'https://aclanthology.org/N19-1423.pdf';
    menu.onClicked.fire({ menuItemId: READER_MENU_ID, linkUrl }, { id: 4, index: 2 });
    await vi.waitFor(() =>
      expect(menu.opened).toEqual([
        {
          url: readerAddress('chrome-extension://id/reader.html', linkUrl),
          openerTabId: 4,
          index: 3,
        },
      ]),
    );
    expect(new URL((menu.opened[0] as { url: string }).url).searchParams.get('file')).toBe(linkUrl);
  });

  it('ignores other items, and links that are no PDF', async () => {
    const menu = register();
    menu.onClicked.fire({ menuItemId: 'other', linkUrl: 'https://x.org/a.pdf' });
    menu.onClicked.fire({ menuItemId: READER_MENU_ID, linkUrl: 'javascript:alert(1)' });
    await new Promise((done) => setTimeout(done, 0));
    expect(menu.opened).toEqual([]);
  });
});
