/**
 * A 1,000-page PDF (tests/helpers/long-pdf.ts): its three references are found from the
 * destination table and the last page alone, without reading the other 999 pages' text.
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { documentEntries, type PdfDocument } from '@/lib/reader/pdf-references';
import { LONG_PDF_REFERENCES, longPdf } from '../../helpers/long-pdf';

describe('a 1,000-page PDF', () => {
  it('opens, and its citations resolve from the last page’s text alone', async () => {
    const pdf = await getDocument({ data: longPdf(1_000), isEvalSupported: false, verbosity: 0 })
      .promise;
    try {
      expect(pdf.numPages).toBe(1_000);
      const read: number[] = [];
      const document = pdf as unknown as PdfDocument;
      const counting: PdfDocument = {
        numPages: document.numPages,
        getDestinations: () => document.getDestinations(),
        getPageIndex: (ref) => document.getPageIndex(ref),
        getPage: async (number) => {
          read.push(number);
          return document.getPage(number);
        },
      };
      const entries = await documentEntries(counting);
      expect(entries.map((entry) => entry.text)).toEqual(LONG_PDF_REFERENCES);
      expect(read).toEqual([1_000]);
    } finally {
      await pdf.destroy();
    }
  });
});
