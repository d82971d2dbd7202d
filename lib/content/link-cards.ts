/**
 * Cards on the paper links of one document, talking to the worker: what the content script runs
 * on every page and the reader runs on a PDF's link annotations, the same code for both. Owns:
 * the environment the controller gets (messages, the card module, settings that follow a
 * change at once). Never: touches IndexedDB (the worker answers).
 */
import type { browser as extensionApi } from 'wxt/browser';
import { importCardUi, importCitationUi } from './card/loader';
import { startPaperPeek } from './controller';
import type { LocalLinks } from './link-resolver';
import type { ScriptContext } from './script-context';
import { requestFromWorker } from '../protocol/client';
import { readSettings, SETTINGS_KEY, settingsFrom, updateSettings } from '../settings';

/** Where the card module and the citation module (a card's Copy citation) are imported from. */
export interface CardModuleUrls {
  card: string;
  citation: string;
}

/**
 * `moduleUrls`: a content script uses the per-session addresses `runtime.getURL` gives; an
 * extension page imports them from its own origin, which its CSP (`script-src 'self'`) allows,
 * and the per-session address is not.
 */
export async function startLinkCards(
  browser: Pick<typeof extensionApi, 'runtime' | 'storage'>,
  doc: Document,
  ctx: ScriptContext,
  moduleUrls: CardModuleUrls = {
    card: browser.runtime.getURL('/card-ui.js'),
    citation: browser.runtime.getURL('/citation-ui.js'),
  },
  localLinks?: LocalLinks,
): Promise<void> {
  const area = browser.storage.local;
  // A failed request is how an instance learns that the extension was updated or removed:
  // reading isInvalid then ends it (listeners, timers, card and markers go).
  const ask: typeof requestFromWorker = (type, data) =>
    requestFromWorker(type, data).catch((error: unknown) => {
      void ctx.isInvalid;
      throw error;
    });
  const peek = startPaperPeek({
    ctx,
    document: doc,
    loadCardUi: () => importCardUi(moduleUrls.card),
    ...(localLinks ? { localLinks } : {}),
    settings: await readSettings(area),
    resolveLinks: (request) => ask('resolveLinks', request),
    save: (paperId) => ask('save', { paperId }),
    saveToZotero: (paperIds) => ask('saveToZotero', { paperIds }),
    copyCitation: async (paperId, style) =>
      (await importCitationUi(moduleUrls.citation)).copy(paperId, style, doc),
    undoSave: (paperId) => ask('undoSave', { paperId }),
    openReadingList: () => ask('openReadingList', {}),
    openSettings: () => ask('openSettings', {}),
    fetchPaper: (key) => ask('fetchPaper', { key }),
    reportKnownPapers: (paperIds) => void ask('pageSummary', { paperIds }).catch(() => undefined),
    updateSettings: (changes) => updateSettings(area, changes),
  });
  // Open tabs follow a settings change at once, without a reload.
  const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    const change = changes[SETTINGS_KEY];
    if (areaName === 'local' && change) peek.applySettings(settingsFrom(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
}
