/**
 * A PDF's bytes, from the web or from a file the user chose, each failure as a sentence the
 * reader can show. Owns: the time limit, the size limit, and telling a PDF from what is not one
 * (an HTML error page, an image) before PDF.js sees it. Never: sends cookies or a referrer, or
 * reads a host the caller has not checked.
 */

/** Larger files are refused: a 1,000-page scanned book is about this size. */
export const MAX_PDF_BYTES = 300 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 30_000;

export class PdfUnavailable extends Error {}

/** Whether the bytes start like a PDF (`%PDF-`, which may follow up to 1 KB of junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** What a file that is not a PDF seems to be, for the message. */
function whatItIs(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'a web page';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON data';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'a PNG image';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'a JPEG image';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'a ZIP archive';
  return 'not a PDF';
}

/** The bytes, or a PdfUnavailable that says why not. */
export function checkedPdf(bytes: Uint8Array, name: string): Uint8Array {
  if (bytes.length === 0) throw new PdfUnavailable(`${name} is empty.`);
  if (!looksLikePdf(bytes)) {
    const kind = whatItIs(bytes);
    throw new PdfUnavailable(
      kind === 'not a PDF' ? `${name} is not a PDF.` : `${name} is ${kind}, not a PDF.`,
    );
  }
  return bytes;
}

/** Fetches a PDF without credentials, within the time and size limits. */
export async function fetchPdf(
  url: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
  } catch {
    clearTimeout(timer);
    throw new PdfUnavailable(
      controller.signal.aborted
        ? `${new URL(url).host} did not answer within ${timeoutMs / 1000} seconds.`
        : `${new URL(url).host} could not be reached. Check your connection and try again.`,
    );
  }
  try {
    if (response.status === 404 || response.status === 410) {
      throw new PdfUnavailable(`There is no PDF at this address (${response.status}).`);
    }
    if (!response.ok) {
      throw new PdfUnavailable(`${new URL(url).host} answered ${response.status}: no PDF.`);
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_PDF_BYTES) throw new PdfUnavailable('This PDF is larger than 300 MB.');
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_PDF_BYTES) throw new PdfUnavailable('This PDF is larger than 300 MB.');
    return checkedPdf(bytes, 'What this address gave');
  } catch (error) {
    if (error instanceof PdfUnavailable) throw error;
    throw new PdfUnavailable(
      controller.signal.aborted
        ? `${new URL(url).host} did not finish sending the PDF within ${timeoutMs / 1000} seconds.`
        : `The PDF could not be read: ${(error as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
