/**
 * The citation processor and styles, loaded by the content script on a card's first "Copy
 * citation" (see lib/content/card/loader.ts); listed as a web-accessible resource by
 * wxt.config.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { citationUi } from '@/lib/content/card/citation-ui';
import { CITATION_UI_GLOBAL } from '@/lib/content/card/loader';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CITATION_UI_GLOBAL] = citationUi;
});
