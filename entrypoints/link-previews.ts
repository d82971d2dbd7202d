/**
 * The content script (every page, every frame): listed in the manifest by wxt.config.ts. An
 * unlisted script rather than defineContentScript: see lib/content/script-context.ts for why.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { importCardUi } from '@/lib/content/card/loader';
import { startPaperPeek } from '@/lib/content/controller';
import { createScriptContext, isHtmlDocument } from '@/lib/content/script-context';
import { requestFromWorker } from '@/lib/protocol/client';
import { isSiteQuestion } from '@/lib/protocol/page-site';
import { readSettings, SETTINGS_KEY, settingsFrom, updateSettings } from '@/lib/settings';

export default defineUnlistedScript(async () => {
  // SVG and XML documents have no HTML links to preview and cannot host the card. Read from
  // the content type: naming HTMLElement would build that interface in this isolated world on
  // every page, a cost of injection (docs/PERFORMANCE.md).
  if (!isHtmlDocument(document.contentType)) return;
  const ctx = createScriptContext(browser.runtime);
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
    document,
    loadCardUi: () => importCardUi(browser.runtime.getURL('/card-ui.js')),
    settings: await readSettings(area),
    resolveLinks: (request) => ask('resolveLinks', request),
    save: (paperId) => ask('save', { paperId }),
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
  // The popup asks the top frame which site it is on, for "Turn off on this site".
  const onSiteQuestion = (message: unknown) =>
    isSiteQuestion(message) && window === window.top
      ? Promise.resolve({ hostname: location.hostname })
      : undefined;
  browser.runtime.onMessage.addListener(onSiteQuestion);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onChanged);
    browser.runtime.onMessage.removeListener(onSiteQuestion);
  });
});
