/**
 * What a card's "Copy citation" loads on its first use (entrypoints/citation-ui.ts): the CSL
 * processor and the styles, which neither the content script nor the card module carries.
 * Owns: asking the worker for the paper's CSL item, putting its citation in the remembered style
 * on the page's clipboard, and the sentence the card shows for it.
 */
import { copyCitationItems, copyCommandClipboard } from '../../citations/clipboard';
import { citationStyleName, rememberedCitationStyle } from '../../citations/styles';
import { requestFromWorker } from '../../protocol/client';
import type { CitationUi } from './loader';

export const citationUi: CitationUi = {
  async copy(paperId, style, doc) {
    const id = rememberedCitationStyle(style);
    const label = citationStyleName(id);
    try {
      const items = await requestFromWorker('citationItems', { paperIds: [paperId] });
      if (items.length === 0) throw new Error('PaperPeek no longer has this paper.');
      // A page served over plain http has no `navigator.clipboard`.
      const clipboard = doc.defaultView?.navigator.clipboard ?? copyCommandClipboard(doc);
      await copyCitationItems(items, id, clipboard);
      return { ok: true, message: `Citation copied (${label}).` };
    } catch (error) {
      // The browser's own words (a page that forbids the clipboard, a tab without the focus).
      return { ok: false, message: `Not copied: ${(error as Error).message}` };
    }
  },
};
