/**
 * "Save paper to reading list" on the context menu of paper links: saving without visiting the
 * page. Owns: which links get the item and what a click does. Never: fetches the link.
 */
import { paperKeyFromLink } from '../links/paper-link';
import type { PaperHit } from '../protocol/messages';
import type { BrowserEvent, LinkMenus } from './events';
import type { PaperKey } from '../links/paper-key';

export const SAVE_MENU_ID = 'paperpeek-save-paper';

/** Links the item is offered on (the link parser decides for real once clicked). */
export const SAVE_MENU_PATTERNS = [
  '*://arxiv.org/*',
  '*://*.arxiv.org/*',
  '*://ar5iv.org/*',
  '*://huggingface.co/papers/*',
  '*://hf.co/papers/*',
  '*://*.alphaxiv.org/*',
  '*://alphaxiv.org/*',
  '*://scirate.com/arxiv/*',
  '*://doi.org/10.48550/*',
  '*://github.com/*/*',
];

export type SaveOutcome = 'saved' | 'not-a-paper' | 'not-in-digest';

/** Saves the paper a clicked link names, if the digest has it. */
export async function saveFromLink(
  linkUrl: string,
  lookup: (keys: PaperKey[]) => Promise<Partial<Record<PaperKey, PaperHit>>>,
  save: (paperId: string) => Promise<unknown>,
): Promise<SaveOutcome> {
  const key = paperKeyFromLink({ href: linkUrl });
  if (!key) return 'not-a-paper';
  const hit = (await lookup([key]))[key];
  if (!hit) return 'not-in-digest';
  await save(hit.paper.id);
  return 'saved';
}

/** What the badge shows for a moment after a save from the menu. */
const FEEDBACK: Record<SaveOutcome, string> = {
  saved: '✓',
  'not-a-paper': '?',
  'not-in-digest': '?',
};

export interface SaveMenuBrowser {
  runtime: { onInstalled: BrowserEvent<() => void> };
  contextMenus: LinkMenus;
}

export interface SaveMenuDependencies {
  lookup: (keys: PaperKey[]) => Promise<Partial<Record<PaperKey, PaperHit>>>;
  save: (paperId: string) => Promise<unknown>;
  /** Feedback on the tab's badge. */
  flash: (tabId: number, text: string) => Promise<void>;
}

/** Adds the menu item (menus persist, so once per install or update) and answers its clicks. */
export function registerSaveMenu(browser: SaveMenuBrowser, deps: SaveMenuDependencies): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: SAVE_MENU_ID,
      title: 'Save paper to reading list',
      contexts: ['link'],
      targetUrlPatterns: SAVE_MENU_PATTERNS,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID || !info.linkUrl) return;
    void saveFromLink(info.linkUrl, deps.lookup, deps.save).then(
      (outcome) => (tab?.id === undefined ? undefined : deps.flash(tab.id, FEEDBACK[outcome])),
      (error: unknown) => console.error('PaperPeek could not save the paper:', error),
    );
  });
}
