/**
 * Which link annotations of a PDF the reader lets the user follow: web addresses (https and http)
 * and the document's own destinations (`#…`). Owns: that rule. Never: lets `javascript:`, `file:`,
 * `data:` or any other scheme through, whatever its spelling.
 */

export function isReaderLinkAllowed(href: string): boolean {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return true;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
}
