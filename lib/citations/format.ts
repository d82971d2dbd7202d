/**
 * Citations in a style, by citation-js with its CSL plugin (which runs citeproc-js) on the
 * official CSL style. Owns: loading the processor and the style on first use, and the
 * bibliography as HTML and as plain text. Never: is imported by anything that loads with a page
 * (the popup's first results, the content script): only through `import()`.
 */
import type { CslItem } from '../reading-list/csl-item';
import { styleXml, type CitationStyleId } from './styles';

export interface FormattedCitations {
  /** citeproc's HTML: its own markup around text it escaped (for the clipboard, never our DOM). */
  html: string;
  text: string;
}

type CitationJs = typeof import('@citation-js/core');

let loading: Promise<CitationJs> | null = null;
function loadCitationJs(): Promise<CitationJs> {
  loading ??= (async () => {
    const core = await import('@citation-js/core');
    // The plugin registers itself with core's plugin registry on import.
    await import('@citation-js/plugin-csl');
    return core;
  })();
  return loading;
}

/**
 * Starts loading the processor and a style before the click that needs them (the pointer on
 * "Copy citation", the picker's focus), so that the copy itself is quick.
 */
export function prepareCitations(style: CitationStyleId): void {
  void Promise.all([loadCitationJs(), styleXml(style)]).catch(() => undefined);
}

/** The items' bibliography in `style`, sorted as the style sorts it. */
export async function formatCitationItems(
  items: CslItem[],
  style: CitationStyleId,
): Promise<FormattedCitations> {
  const [{ Cite, plugins }, xml] = await Promise.all([loadCitationJs(), styleXml(style)]);
  const templates = plugins.config.get('@csl').templates;
  // Under a name of our own: citation-js ships an older `apa` and `vancouver` of its own.
  const template = `paperpeek-${style}`;
  if (!templates.has(template)) templates.add(template, xml);
  const cite = new Cite(items);
  const options = { template, lang: 'en-US' };
  return {
    html: cite.format('bibliography', { ...options, format: 'html' }),
    text: cite.format('bibliography', { ...options, format: 'text' }).trim(),
  };
}
