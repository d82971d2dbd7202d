/**
 * Loads the card module (lib/content/card/render.tsx) into the content script's isolated world. The
 * module is a web-accessible resource with a per-session URL (`use_dynamic_url`), so a page cannot
 * probe for it; it leaves itself under CARD_UI_GLOBAL, which lives in the isolated world and is
 * invisible to the page's scripts.
 */
import type { CardUi } from './render';

export const CARD_UI_GLOBAL = 'paperPeekCardUi';

/** `url`: the module's address from `runtime.getURL` (the per-session one in Chrome). */
export async function importCardUi(url: string): Promise<CardUi> {
  await import(/* @vite-ignore */ url);
  const ui = (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] as CardUi | undefined;
  if (!ui) throw new Error('The card module did not load');
  return ui;
}
