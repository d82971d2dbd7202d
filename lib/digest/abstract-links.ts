/**
 * Resources named in an abstract's prose. Owns: finding URLs in free text, trimming the sentence
 * punctuation around them, and sorting them into GitHub repos and other links.
 * Never: fetches or follows them.
 */
import { repoFromGithubUrl } from '../links/github';
import { readHttpUrl } from './schema';

// A URL in prose: explicit http(s), or a bare github.com/… that authors often write.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+|\b(?:www\.)?github\.com\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"\]}>]+$/;

export interface AbstractLinks {
  repos: string[];
  links: string[];
}

export function extractAbstractLinks(text: string): AbstractLinks {
  const repos: string[] = [];
  const links: string[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const candidate = trimProsePunctuation(match[0]);
    const href = readHttpUrl(/^https?:/i.test(candidate) ? candidate : `https://${candidate}`);
    if (!href) continue;
    const repo = repoFromGithubUrl(new URL(href));
    if (repo) {
      if (!repos.includes(repo)) repos.push(repo);
    } else if (!links.includes(href)) {
      links.push(href);
    }
  }
  return { repos, links };
}

/**
 * Removes the punctuation that ends the sentence around a URL: `…/PromptSRC.`, `…/ProG,`,
 * `(… /Twin-Mergin.)`. A closing parenthesis stays when the URL itself opened one.
 */
export function trimProsePunctuation(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    if (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
    if (url === before) return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
