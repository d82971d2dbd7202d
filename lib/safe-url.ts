/**
 * The only way a URL reaches an `href` the extension writes. Owns: the allow-list of schemes and
 * hosts. Never: returns anything that is not an absolute `https:` URL to an allowed host.
 */

const ALLOWED_HOSTS = new Set([
  'arxiv.org',
  'github.com',
  'huggingface.co',
  'hf.co',
  'doi.org',
  'alphaxiv.org',
  'www.alphaxiv.org',
  'openreview.net',
  'paperswithcode.com',
  'ar5iv.org',
  'scholar.google.com',
  // Where papers are published: the venue pages a card links (lib/links/venue.ts reads them).
  'aclanthology.org',
  'proceedings.mlr.press',
  'proceedings.neurips.cc',
  'papers.neurips.cc',
  'papers.nips.cc',
  'openaccess.thecvf.com',
  'www.semanticscholar.org',
]);
// Hosts whose subdomains are all allowed: arXiv's mirrors and GitHub Pages project sites.
const ALLOWED_PARENT_DOMAINS = ['.arxiv.org', '.github.io'];

export function isAllowedHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return ALLOWED_HOSTS.has(host) || ALLOWED_PARENT_DOMAINS.some((parent) => host.endsWith(parent));
}

/**
 * Returns a normalised `https:` URL string when `raw` is an http(s) URL to an allowed host
 * (http is upgraded: every allowed host serves https), otherwise null. Credentials and
 * non-default ports are refused: neither belongs in a link to a paper.
 */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.port) return null;
  if (!isAllowedHost(url.hostname)) return null;
  url.protocol = 'https:';
  return url.href;
}
