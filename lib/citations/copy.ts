/**
 * "Copy citation" for reading-list entries (the popup's): their bibliography in a style, on the
 * clipboard. Owns: turning entries into citation items for it. Never: loads the processor before
 * the first copy (format.ts is imported then).
 */
import type { CitedEntry } from '../reading-list/export';
import { copyCitationItems, type CitationClipboard } from './clipboard';
import { citationItems } from './items';
import type { CitationStyleId } from './styles';

/** Copies the entries' citations in `style`; resolves to the plain text copied. */
export function copyCitations(
  entries: CitedEntry[],
  style: CitationStyleId,
  clipboard: CitationClipboard,
): Promise<string> {
  return copyCitationItems(citationItems(entries), style, clipboard);
}
