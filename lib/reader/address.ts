/**
 * The reader's address: `reader.html?file=<url>#page=N`, PDF.js's own convention. Owns: which
 * addresses it opens and which need the user's permission first. Never: fetches, or accepts a
 * scheme other than http(s) (a `javascript:`, `data:` or `file:` address opens nothing).
 */

/** Hosts the extension may read without asking: arXiv's, declared in the manifest. */
const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

export type ReaderSource =
  | { kind: 'none' }
  | { kind: 'url'; url: string; origin: string; needsPermission: boolean }
  | { kind: 'invalid'; reason: string };

/** What `?file=` asks the reader to open. */
export function readerSource(search: string): ReaderSource {
  const file = new URLSearchParams(search).get('file');
  if (file === null || file.trim() === '') return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(file.trim());
  } catch {
    return { kind: 'invalid', reason: 'The address of the PDF is not a web address.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      kind: 'invalid',
      reason: `PaperPeek opens PDFs from web addresses (https:), not ${url.protocol} ones. Open a file on your computer with "Open a PDF…" instead.`,
    };
  }
  if (url.username || url.password) {
    return { kind: 'invalid', reason: 'The address of the PDF carries a password: not opened.' };
  }
  // arXiv serves over https only: an http link to it is read over https.
  if (ARXIV_HOSTS.has(url.hostname)) url.protocol = 'https:';
  return {
    kind: 'url',
    url: url.href,
    origin: url.origin,
    needsPermission: !ARXIV_HOSTS.has(url.hostname),
  };
}

/** The page `#page=N` asks for, or null. */
export function requestedPage(hash: string): number | null {
  const page = /(?:^#|&)page=(\d{1,6})(?:&|$)/.exec(hash)?.[1];
  return page ? Number(page) : null;
}

/** The reader's address for a PDF at `url` (`runtime.getURL('/reader.html')` as `readerPage`). */
export function readerAddress(readerPage: string, url: string): string {
  return `${readerPage}?file=${encodeURIComponent(url)}`;
}

/**
 * Whether an address is a PDF by its look: a path ending in `.pdf`, an arXiv or OpenReview PDF.
 * What the popup and the context menu offer the reader for; the reader itself checks the bytes.
 */
export function looksLikePdfAddress(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.replace(/^www\./, '');
  if ((host === 'arxiv.org' || host === 'export.arxiv.org') && url.pathname.startsWith('/pdf/'))
    return true;
  if (host === 'openreview.net' && url.pathname === '/pdf') return true;
  return /\.pdf$/i.test(url.pathname);
}
