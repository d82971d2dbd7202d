/**
 * What a link on a page can point at: `arxiv:<id>`, `github:<owner>/<name>`, or a venue page
 * (`doi:<doi>`, `openreview:<forum id>`, ...: venue.ts). Owns: building and checking those keys.
 * Never: accepts a key whose id part is not canonical.
 */
import { canonicalArxivId } from './arxiv-id';
import { parseRepoSlug } from './github';
import { isVenueKey, type VenueKey } from './venue';

export type PaperKey = `arxiv:${string}` | `github:${string}` | VenueKey;

export function arxivKey(id: string): PaperKey {
  return `arxiv:${id}`;
}

export function githubKey(repo: string): PaperKey {
  return `github:${repo}`;
}

/** Returns the key when `value` is a well-formed, canonical key, else null. */
export function parsePaperKey(value: unknown): PaperKey | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  if (value.startsWith('arxiv:')) {
    const id = value.slice('arxiv:'.length);
    return canonicalArxivId(id) === id ? arxivKey(id) : null;
  }
  if (value.startsWith('github:')) {
    const repo = value.slice('github:'.length);
    return parseRepoSlug(repo) === repo ? githubKey(repo) : null;
  }
  return isVenueKey(value) ? value : null;
}
