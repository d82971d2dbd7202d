/**
 * The content script (every page, every frame): listed in the manifest by wxt.config.ts. An
 * unlisted script rather than defineContentScript: see lib/content/script-context.ts for why.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLinkCards } from '@/lib/content/link-cards';
import { createScriptContext, isHtmlDocument } from '@/lib/content/script-context';
import { isSiteQuestion } from '@/lib/protocol/page-site';

export default defineUnlistedScript(async () => {
  // SVG and XML documents have no HTML links to preview and cannot host the card. Read from
  // the content type: naming HTMLElement would build that interface in this isolated world on
  // every page, a cost of injection (docs/PERFORMANCE.md).
  if (!isHtmlDocument(document.contentType)) return;
  const ctx = createScriptContext(browser.runtime);
  await startLinkCards(browser, document, ctx);
  // The popup asks the top frame which site it is on, for "Turn off on this site".
  const onSiteQuestion = (message: unknown) =>
    isSiteQuestion(message) && window === window.top
      ? Promise.resolve({ hostname: location.hostname })
      : undefined;
  browser.runtime.onMessage.addListener(onSiteQuestion);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onSiteQuestion));
});
