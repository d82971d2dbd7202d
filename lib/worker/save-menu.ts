/**
 * "Save paper to reading list" on the context menu of paper links: saving without visiting the
 * page. Owns: which links get the item and what a click does. Never: fetches the link.
 */
import { paperKeyFromLink } from '../links/paper-link';
import type { PaperHit } from '../protocol/messages';
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
