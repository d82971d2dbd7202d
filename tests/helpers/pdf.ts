/** Fixture PDFs (tests/fixtures/pdf) read with PDF.js in Node, as the reader reads them. */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { documentEntries, type PdfDocument } from '../../lib/reader/pdf-references';

/** Runs `read` on the fixture's document, then lets PDF.js go. */
export async function withFixturePdf<T>(
  name: string,
  read: (pdf: PdfDocument) => Promise<T>,
): Promise<T> {
  const data = new Uint8Array(
    readFileSync(new URL(`../fixtures/pdf/${name}.pdf`, import.meta.url)),
  );
  const pdf = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return await read(pdf as unknown as PdfDocument);
  } finally {
    await pdf.destroy();
  }
}

/** The bibliography entries of a fixture PDF. */
export function fixtureEntries(name: string) {
  return withFixturePdf(name, documentEntries);
}
