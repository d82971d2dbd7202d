/**
 * Save to Zotero from an extension page (the popup, the reader): the permission to reach Zotero's
 * server is asked for from the user's click, then the worker sends the papers. Owns: asking at
 * the right moment (before any `await`: Firefox grants a request only inside the click's own
 * task). Never: sends anything when the permission was not given.
 */
import { ZOTERO_ORIGIN } from './connector';
import type { ZoteroOutcome } from './outcome';

export interface ZoteroFromPageDeps {
  permissions: { request(permissions: { origins: string[] }): Promise<boolean> };
  send(paperIds: string[]): Promise<ZoteroOutcome>;
}

export const PERMISSION_REFUSED =
  'PaperPeek needs your permission to reach Zotero on this computer. Nothing was sent: allow it when your browser asks, then try again.';

export async function saveToZoteroFromPage(
  paperIds: string[],
  deps: ZoteroFromPageDeps,
): Promise<ZoteroOutcome> {
  let allowed = false;
  try {
    // Granted already: the browser says yes without asking again.
    allowed = await deps.permissions.request({ origins: [ZOTERO_ORIGIN] });
  } catch {
    allowed = false;
  }
  if (!allowed) return { ok: false, problem: 'permission', message: PERMISSION_REFUSED };
  return deps.send(paperIds);
}
