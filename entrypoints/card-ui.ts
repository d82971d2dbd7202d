/**
 * The card's rendering, loaded by the content script on the first hover of a paper link (see
 * lib/content/card/loader.ts); listed as a web-accessible resource by wxt.config.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardUi } from '@/lib/content/card/render';
import { CARD_UI_GLOBAL } from '@/lib/content/card/loader';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = cardUi;
});
