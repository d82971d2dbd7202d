/**
 * arXiv ids written in a PDF's text (`arXiv:2005.14165`, `arxiv.org/abs/…`, `arXiv:hep-th/…`)
 * made into links in PDF.js's text layer, so they get cards as links do: papers without
 * hyperref, and ids no one made a link of. Owns: finding them in a text layer's spans and
 * wrapping each in a link to its arXiv page. Never: takes a bare number for an id (only one
 * written as arXiv's), or changes the text a reader selects and copies.
 */
import { canonicalArxivId } from '../links/arxiv-id';

const WRITTEN_ID =
  /(?:arxiv\s*:\s*|arxiv\.org\/(?:abs|pdf)\/)((?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?)/gi;

/** Wraps every written arXiv id in the text layer's spans in a link; returns how many. */
export function linkArxivIds(textLayer: HTMLElement): number {
  let linked = 0;
  const doc = textLayer.ownerDocument;
  for (const span of textLayer.querySelectorAll('span')) {
    // Only spans of plain text, once (a span already holding a link was done before).
    if (span.children.length > 0) continue;
    const text = span.textContent ?? '';
    WRITTEN_ID.lastIndex = 0;
    if (!WRITTEN_ID.test(text)) continue;
    WRITTEN_ID.lastIndex = 0;
    const parts = doc.createDocumentFragment();
    let at = 0;
    for (const match of text.matchAll(WRITTEN_ID)) {
      const id = canonicalArxivId(match[1] ?? '');
      if (!id) continue;
      parts.append(text.slice(at, match.index));
      const link = doc.createElement('a');
      link.href = `https://arxiv.org/abs/${id}`;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = match[0];
      parts.append(link);
      at = match.index + match[0].length;
      linked += 1;
    }
    if (at === 0) continue;
    parts.append(text.slice(at));
    span.replaceChildren(parts);
  }
  return linked;
}

/**
 * A text-layer link to the same address as a link annotation on its page (hyperref made a link
 * of the id already) is taken out of the Tab order: one stop per link for a keyboard user, at
 * the annotation's place in the page's order. Called when either layer of the page is drawn.
 */
export function quietDuplicateLinks(page: HTMLElement): void {
  const annotated = new Set(
    Array.from(page.querySelectorAll('.annotationLayer a[href]'), (link) =>
      link.getAttribute('href'),
    ),
  );
  for (const link of page.querySelectorAll<HTMLAnchorElement>('.textLayer a[href]')) {
    if (annotated.has(link.getAttribute('href'))) link.tabIndex = -1;
  }
}
