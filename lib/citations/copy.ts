/**
 * "Copy citation": the entries' bibliography in a style, on the clipboard as rich text (for a
 * word processor) and as plain text (for everything else). Owns: what is put on the clipboard.
 * Never: loads the processor before the first copy (format.ts is imported then).
 */
import type { CitedEntry } from '../reading-list/export';
import type { CitationStyleId } from './styles';

export interface CitationClipboard {
  write?(items: ClipboardItem[]): Promise<void>;
  writeText(text: string): Promise<void>;
}

/** Copies the entries' citations in `style`; resolves to the plain text copied. */
export async function copyCitations(
  entries: CitedEntry[],
  style: CitationStyleId,
  clipboard: CitationClipboard,
): Promise<string> {
  const { formatCitations } = await import('./format');
  const { html, text } = await formatCitations(entries, style);
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
