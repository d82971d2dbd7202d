/**
 * Redirect links that wrap the real destination (search results, social sites, mail tools).
 * Owns: knowing where each redirector keeps the target. Never: follows a redirect over the
 * network; a shortener whose target is not in the page (t.co without its text) stays unknown.
 */

/** Redirector host (and path prefix) → the query parameters that hold the target URL. */
const REDIRECTORS: [host: RegExp, path: string, params: string[]][] = [
  [/^(?:www\.)?google\.[a-z.]+$/, '/url', ['q', 'url']],
  [/^scholar\.google\.[a-z.]+$/, '/scholar_url', ['url']],
  [/^(?:l|lm|m)\.facebook\.com$/, '/l.php', ['u']],
  [/^out\.reddit\.com$/, '/', ['url']],
  [/^(?:www\.)?youtube\.com$/, '/redirect', ['q']],
  [/^duckduckgo\.com$/, '/l/', ['uddg']],
  [/^(?:www\.)?bing\.com$/, '/ck/a', ['u']],
  [/^slack-redir\.net$/, '/link', ['url']],
  [/^link\.zhihu\.com$/, '/', ['target']],
  [/^(?:www\.)?linkedin\.com$/, '/redir/redirect', ['url']],
  [/^href\.li$/, '/', []],
];

/** The wrapped target of a redirect URL, or null when `url` is not a known redirector. */
export function unwrapRedirect(url: URL): URL | null {
  const host = url.hostname.toLowerCase();
  for (const [hostPattern, path, params] of REDIRECTORS) {
    if (!hostPattern.test(host) || !url.pathname.startsWith(path)) continue;
    // href.li puts the whole target after the question mark.
    const targets = params.length
      ? params.map((name) => url.searchParams.get(name))
      : [url.search.slice(1)];
    for (const target of targets) {
      const parsed = target ? parseAbsolute(target) : null;
      if (parsed) return parsed;
    }
    return null;
  }
  return null;
}

export function parseAbsolute(value: string, base?: string): URL | null {
  try {
    return new URL(value.trim(), base);
  } catch {
    return null;
  }
}
