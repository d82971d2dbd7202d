/**
 * Loads the card module (lib/content/card/render.tsx), and the citation module behind a card's
 * "Copy citation" (lib/content/card/citation-ui.ts), into the content script's isolated world.
 * Each is a web-accessible resource with a per-session URL (`use_dynamic_url`), so a page cannot
 * probe for it; it leaves itself under its global, which lives in the isolated world and is
 * invisible to the page's scripts.
 */
import type { CitationOutcome } from './HoverCard';
import type { CardUi } from './render';

/**
 * The citation module's one call (lib/content/card/citation-ui.ts): named here, so that the
 * content script's code names no module that reaches the processor or the database.
 */
export interface CitationUi {
  /** Copies the paper's citation in `style` (the default for an unknown one); what came of it. */
  copy(paperId: string, style: string, doc: Document): Promise<CitationOutcome>;
}

export const CARD_UI_GLOBAL = 'paperPeekCardUi';
export const CITATION_UI_GLOBAL = 'paperPeekCitationUi';

async function importModule<T>(url: string, global: string, name: string): Promise<T> {
  await import(/* @vite-ignore */ url);
  const module = (globalThis as Record<string, unknown>)[global] as T | undefined;
  if (!module) throw new Error(`The ${name} module did not load`);
  return module;
}

/** `url`: the module's address from `runtime.getURL` (the per-session one in Chrome). */
export function importCardUi(url: string): Promise<CardUi> {
  return importModule(url, CARD_UI_GLOBAL, 'card');
}

/** The citation processor and styles: loaded on a card's first "Copy citation" only. */
export function importCitationUi(url: string): Promise<CitationUi> {
  return importModule(url, CITATION_UI_GLOBAL, 'citation');
}
