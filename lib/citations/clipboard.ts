/**
 * Citations onto the clipboard: rich text (for a word processor) and plain text (for everything
 * else). Owns: what is put on the clipboard, and how on a page without `navigator.clipboard`.
 * Never: loads the processor before the first copy (format.ts is imported then), or reaches the
 * reading list (a card's citation module loads this into pages).
 */
import type { CslItem } from '../reading-list/csl-item';
import type { FormattedCitations } from './format';
import type { CitationStyleId } from './styles';

export interface CitationClipboard {
  write?(items: ClipboardItem[]): Promise<void>;
  writeText(text: string): Promise<void>;
}

/** Copies the items' citations in `style`; resolves to the plain text copied. */
export async function copyCitationItems(
  items: CslItem[],
  style: CitationStyleId,
  clipboard: CitationClipboard,
): Promise<string> {
  const { formatCitationItems } = await import('./format');
  return putOnClipboard(await formatCitationItems(items, style), clipboard);
}

export async function putOnClipboard(
  { html, text }: FormattedCitations,
  clipboard: CitationClipboard,
): Promise<string> {
  if (clipboard.write && typeof ClipboardItem === 'function') {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return text;
    } catch {
      // A browser that takes only text on its clipboard still gets the citation.
    }
  }
  await clipboard.writeText(text);
  return text;
}

/**
 * The clipboard of a page that has no `navigator.clipboard` (one served over plain http): the
 * copy command, with the text put on the clipboard from its own copy event.
 */
export function copyCommandClipboard(doc: Document): CitationClipboard {
  return {
    writeText: async (text) => {
      const onCopy = (event: ClipboardEvent) => {
        event.clipboardData?.setData('text/plain', text);
        event.preventDefault();
      };
      doc.addEventListener('copy', onCopy, { capture: true, once: true });
      try {
        if (!doc.execCommand('copy')) throw new Error('The browser refused to copy.');
      } finally {
        doc.removeEventListener('copy', onCopy, { capture: true });
      }
    },
  };
}
