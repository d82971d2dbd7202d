/**
 * From a link on a page to the paper it names. Owns: combining unwrapping, the arXiv, GitHub
 * and venue detectors and the shortener fallback into one verdict. Never: throws, whatever the input.
 */
import { arxivKey, githubKey, type PaperKey } from './paper-key';
import { arxivIdFromUrl } from './arxiv';
import { repoFromGithubUrl } from './github';
import { venueKeyFromUrl } from './venue';
import { isShortenerHref } from './shorteners';
import { parseAbsolute, unwrapRedirect } from './unwrap';

/** What a link offers: its `href`, and for shorteners the places that show the real target. */
export interface LinkFacts {
  href: string;
  baseUrl?: string;
  text?: string;
  title?: string;
  expandedUrl?: string;
}

const MAX_UNWRAP_DEPTH = 3;

export function paperKeyFromUrl(url: URL | null): PaperKey | null {
  for (let depth = 0; url && depth <= MAX_UNWRAP_DEPTH; depth += 1) {
    const arxivId = arxivIdFromUrl(url);
    if (arxivId) return arxivKey(arxivId);
    const repo = repoFromGithubUrl(url);
    if (repo) return githubKey(repo);
    const venue = venueKeyFromUrl(url);
    if (venue) return venue;
    url = unwrapRedirect(url);
  }
  return null;
}

export function paperKeyFromLink(link: LinkFacts): PaperKey | null {
  if (link.href.length > 4_000) return null;
  const url = parseAbsolute(link.href, link.baseUrl);
  if (!url) return null;
  const direct = paperKeyFromUrl(url);
  if (direct || !isShortenerHref(url.href)) return direct;
  // A shortened link: social sites put the real URL in a data attribute, the title or the text
  // (often without the scheme). Text cut with an ellipsis is skipped: a cut id may be another id.
  for (const candidate of [link.expandedUrl, link.title, link.text]) {
    const value = candidate?.trim();
    if (!value || value.length > 2_000 || value.endsWith('…') || value.endsWith('...')) continue;
    const key = paperKeyFromUrl(
      parseAbsolute(/^https?:\/\//i.test(value) ? value : `https://${value}`),
    );
    if (key) return key;
  }
  return null;
}
