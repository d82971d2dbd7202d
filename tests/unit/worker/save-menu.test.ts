import { describe, expect, it, vi } from 'vitest';
import bundled from '@/assets/digest.json';
import { registerSaveMenu, SAVE_MENU_ID, saveFromLink } from '@/lib/worker/save-menu';
import { createPaperService } from '@/lib/worker/paper-service';
import { databasePerTest } from '../../helpers/db';
import { fakeEvent } from '../../helpers/fake-events';

describe('saving from the context menu of a link', () => {
  const db = databasePerTest();
  const service = createPaperService(db, { bundledDigest: () => bundled });
  const sender = { id: 'ext' };
  const lookup = (keys: Parameters<typeof service.lookup>[0]['keys']) =>
    service.lookup({ keys }, sender);
  const save = (paperId: string) => service.save({ paperId }, sender);

  it.each([
    ['https://arxiv.org/pdf/2005.14165v2', 'saved', '2005.14165'],
    ['https://github.com/muzairkhattak/PromptSRC/tree/main', 'saved', '2307.06948'],
    [
      'https://www.google.com/url?q=https://huggingface.co/papers/2406.15479',
      'saved',
      '2406.15479',
    ],
    ['https://arxiv.org/abs/1706.03762', 'not-in-digest', null],
    ['https://example.org/', 'not-a-paper', null],
  ])('%s → %s', async (url, outcome, paperId) => {
    await service.ensureBundledDigest();
    expect(await saveFromLink(url, lookup, save)).toBe(outcome);
    const ids = await db.readingList.toCollection().primaryKeys();
    expect(ids).toEqual(paperId ? [paperId] : []);
  });
});

describe('the context menu item, registered on a fake browser', () => {
  type Clicked = (
    info: { menuItemId: string | number; linkUrl?: string },
    tab?: { id?: number },
  ) => void;

  function register(outcomeOfSave: () => Promise<unknown> = async () => undefined) {
    const onInstalled = fakeEvent<() => void>();
    const onClicked = fakeEvent<Clicked>();
    const created: unknown[] = [];
    const flashed: [number, string][] = [];
    const saved: string[] = [];
    registerSaveMenu(
      {
        runtime: { onInstalled },
        contextMenus: { create: (properties) => created.push(properties), onClicked },
      },
      {
        lookup: async (keys) =>
          keys[0] === 'arxiv:2005.14165'
            ? { [keys[0]]: { paper: { id: '2005.14165' } as never, saved: false } }
            : {},
        save: async (paperId) => {
          saved.push(paperId);
          return outcomeOfSave();
        },
        flash: async (tabId, text) => void flashed.push([tabId, text]),
      },
    );
    return { onInstalled, onClicked, created, flashed, saved };
  }

  it('adds the item on install, for paper links only', () => {
    const { onInstalled, created } = register();
    expect(created).toEqual([]);
    onInstalled.fire();
    expect(created).toEqual([expect.objectContaining({ id: SAVE_MENU_ID, contexts: ['link'] })]);
  });

  it.each([
    ['https://arxiv.org/abs/2005.14165', '✓', ['2005.14165']],
    ['https://arxiv.org/abs/1706.03762', '?', []],
    ['https://example.org/', '?', []],
  ])('a click on %s saves and shows %s on the tab', async (linkUrl, text, saved) => {
    const menu = register();
    menu.onClicked.fire({ menuItemId: SAVE_MENU_ID, linkUrl }, { id: 4 });
    await vi.waitFor(() => expect(menu.flashed).toEqual([[4, text]]));
    expect(menu.saved).toEqual(saved);
  });

  it('ignores other menu items', async () => {
    const menu = register();
    menu.onClicked.fire(
      { menuItemId: 'other', linkUrl: 'https://arxiv.org/abs/2005.14165' },
      { id: 4 },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(menu.saved).toEqual([]);
    expect(menu.flashed).toEqual([]);
  });

  it('logs a failed save instead of rejecting into the void', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const menu = register(() => Promise.reject(new Error('disk full')));
    menu.onClicked.fire(
      { menuItemId: SAVE_MENU_ID, linkUrl: 'https://arxiv.org/abs/2005.14165' },
      { id: 4 },
    );
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    expect(menu.flashed).toEqual([]);
    error.mockRestore();
  });
});
