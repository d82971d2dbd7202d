/**
 * What the reader reads of a real paper's references, in Node with PDF.js as the reader uses it
 * (`lib/reader/pdf-references.ts`): its citation links, the entries found for them, whether each
 * entry is the one its key names, and what each entry gives to resolve it by.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { citationKeyName } from '../../lib/reader/bibliography';
import { documentEntries, isCitationName, type PdfDocument } from '../../lib/reader/pdf-references';
import { referenceFacts } from '../../lib/reader/reference-text';

export interface ReferenceFigures {
  pages: number;
  /** Links in the text to a `cite.` destination, every occurrence. */
  citationLinks: number;
  /** The references those links name, each once. */
  citedReferences: number;
  /** Internal links to unnamed destinations (no `cite.` name tells a citation from a figure). */
  unnamedInternalLinks: number;
  /** Cited references whose entry text was found. */
  entriesFound: number;
  /** Of the entries whose key starts with a name: how many have that name in their first words. */
  entriesAgreeingWithKey: string;
  /** Entries that name their paper by arXiv id or DOI: a paper card (looked up if not local). */
  byArxivIdOrDoi: number;
  /** The rest: a card with the reference's own text, a title to match against the digest. */
  byTextAndTitle: number;
  readMs: number;
}

export async function readReferences(file: string): Promise<ReferenceFigures> {
  const data = new Uint8Array(readFileSync(file));
  const pdf = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const document = pdf as unknown as PdfDocument;
    let citationLinks = 0;
    let unnamedInternalLinks = 0;
    const names = new Set<string>();
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const annotations = (await (await pdf.getPage(number)).getAnnotations()) as {
        subtype?: string;
        dest?: unknown;
      }[];
      for (const annotation of annotations) {
        if (annotation.subtype !== 'Link' || !annotation.dest) continue;
        if (typeof annotation.dest !== 'string') unnamedInternalLinks += 1;
        else if (isCitationName(annotation.dest)) {
          citationLinks += 1;
          names.add(annotation.dest);
        }
      }
    }
    const started = performance.now();
    const entries = await documentEntries(document);
    const readMs = Math.round(performance.now() - started);
    let keyed = 0;
    let agreeing = 0;
    let byId = 0;
    for (const entry of entries) {
      const name = citationKeyName(entry.id);
      if (name) {
        keyed += 1;
        const opening = entry.text
          .slice(0, 100)
          .toLowerCase()
          .replace(/[-'’.]/g, '');
        if (opening.split(/[^a-z]+/).some((word) => word.startsWith(name))) agreeing += 1;
      }
      const facts = referenceFacts(entry.text);
      if (facts.arxivId || facts.doi) byId += 1;
    }
    return {
      pages: pdf.numPages,
      citationLinks,
      citedReferences: names.size,
      unnamedInternalLinks,
      entriesFound: entries.length,
      entriesAgreeingWithKey: `${agreeing} of ${keyed}`,
      byArxivIdOrDoi: byId,
      byTextAndTitle: entries.length - byId,
      readMs,
    };
  } finally {
    await pdf.destroy();
  }
}
