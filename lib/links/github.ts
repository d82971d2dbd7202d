/**
 * GitHub repository references. Owns: deciding whether a URL names a repository and reducing it
 * to the lowercased `owner/name` key. Never: fetches anything.
 */
import reservedNames from 'github-reserved-names/reserved-names.json';
import { GITHUB_OWN_PAGES } from './github-own-pages';

/**
 * First path segments on github.com that are GitHub's own pages, never a user or an org
 * (`github.com/business/...`, `github.com/features/...`): the list the `github-reserved-names`
 * package maintains, and our own table of those it lacks.
 */
export const RESERVED_GITHUB_OWNERS: ReadonlySet<string> = new Set([
  ...reservedNames,
  ...GITHUB_OWN_PAGES,
]);

const OWNER = /^[a-z0-9](?:[a-z0-9-]{0,38})$/i;
const NAME = /^[a-z0-9._-]{1,100}$/i;

/** `owner/name` (any case, optional `.git`) to the lowercased key, or null when it is not one. */
export function canonicalRepo(owner: string, name: string): string | null {
  const bareName = name.replace(/\.git$/i, '');
  if (!OWNER.test(owner) || !NAME.test(bareName) || bareName === '.' || bareName === '..')
    return null;
  if (RESERVED_GITHUB_OWNERS.has(owner.toLowerCase())) return null;
  return `${owner}/${bareName}`.toLowerCase();
}

/** Parses a repo given as `owner/name` (the digest's own form). */
export function parseRepoSlug(value: string): string | null {
  const parts = value.trim().split('/');
  if (parts.length !== 2) return null;
  return canonicalRepo(parts[0] ?? '', parts[1] ?? '');
}

/** The repository a github.com URL points into (`/owner/name/tree/main/x` too), or null. */
export function repoFromGithubUrl(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  if (host !== 'github.com' && host !== 'www.github.com') return null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  if (!owner || !name) return null;
  return canonicalRepo(decodeSegment(owner), decodeSegment(name));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
