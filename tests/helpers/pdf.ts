/** The bibliography entries of a fixture PDF (tests/fixtures/pdf), read with PDF.js in Node. */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { documentEntries, type PdfDocument } from '../../lib/reader/pdf-references';

export async function fixtureEntries(name: string) {
  const data = new Uint8Array(
    readFileSync(new URL(`../fixtures/pdf/${name}.pdf`, import.meta.url)),
  );
  const pdf = await getDocument({ data, isEvalSupported: false }).promise;
  try {
    return await documentEntries(pdf as unknown as PdfDocument);
  } finally {
    await pdf.destroy();
  }
}
