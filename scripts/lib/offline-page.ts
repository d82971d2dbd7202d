/**
 * Real pages saved from the web (tests/fixtures/pages/real/) as a reader offline meets them, for
 * the end-to-end tests and `npm run bench -- pages`: what a page's scripts do when their hosts
 * cannot be reached, and a paper link where its parser stops.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REAL_PAGES_DIR = resolve(import.meta.dirname, '../../tests/fixtures/pages/real');

/** The saved pages: what each is, and its file's name. */
export const REAL_PAGES = [
  ['news (CNN)', 'cnn'],
  ['a blog (Blogger)', 'blogger'],
  ["documentation (Google's SRE book)", 'google-sre-book-1'],
  ['Wikipedia', 'wikipedia'],
] as const;

export function readRealPage(name: string): string {
  return readFileSync(resolve(REAL_PAGES_DIR, `${name}.html`), 'utf8');
}

/** Fixed to the viewport so the pointer can reach it wherever the page's layout puts it. */
const PAPER_LINK = `<p id="paperpeek-test" style="position:fixed;top:12px;left:12px;z-index:2147483646;
margin:0;padding:8px 12px;background:#fff;color:#000;font:16px/1.5 sans-serif;border:1px solid #888">
Read <a id="paper" href="https://arxiv.org/abs/2307.06948">PromptSRC</a>.</p>`;

const ABSOLUTE = /^(?:https?:)?\/\//i;

/**
 * The page as a reader offline meets it. Its blocking scripts and its stylesheets in the head
 * fail at once (a host that does not resolve); its other scripts go to a third party that never
 * answers, so the parser stops at the first blocking one in the body, and an async or deferred
 * one holds the page's `load` or `DOMContentLoaded`. That third party is another origin, as it is
 * in the wild: a browser opens at most six connections to one, and requests that never end would
 * otherwise hold the page's own. Its images and frames go nowhere. The paper link is put just
 * before that script, or after the first paragraph of a page without one.
 */
export function offlinePage(
  html: string,
  thirdParty: string,
): { html: string; parserHeld: boolean } {
  const bodyAt = html.search(/<body[\s>]/i);
  let count = 0;
  let parserHeld = false;
  const redirect = (tag: string, attribute: string, to: string) =>
    tag.replace(new RegExp(`\\b${attribute}\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s>]+)`, 'i'), () => {
      count += 1;
      return `${attribute}="${to}-${count}"`;
    });
  let page = html.replace(/<script\b[^>]*>/gi, (tag: string, at: number) => {
    if (!/\bsrc\s*=/i.test(tag)) return tag;
    // An attribute named async or defer (not a word in another's value: `id="async-buttons"`).
    const blocking = !/\s(?:async|defer)(?=[\s=>/])/i.test(tag);
    if (at < bodyAt && blocking) return redirect(tag, 'src', '/gone/script');
    const moved = redirect(tag, 'src', `${thirdParty}/never/script`);
    if (!blocking || parserHeld) return moved;
    parserHeld = true;
    return `${PAPER_LINK}${moved}`;
  });
  page = page.replace(/<link\b[^>]*>/gi, (tag: string) =>
    /\bhref\s*=/i.test(tag) ? redirect(tag, 'href', '/gone/link') : tag,
  );
  page = page.replace(/<(?:img|iframe|source|video|audio|embed)\b[^>]*>/gi, (tag: string) => {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? '';
    const moved = ABSOLUTE.test(src) ? redirect(tag, 'src', '/gone/asset') : tag;
    return moved.replace(/\bsrcset\s*=\s*(?:"[^"]*"|'[^']*')/gi, '');
  });
  if (!parserHeld) {
    const paragraphEnd = page.indexOf('</p>', page.search(/<body[\s>]/i));
    page = `${page.slice(0, paragraphEnd + 4)}${PAPER_LINK}${page.slice(paragraphEnd + 4)}`;
  }
  return { html: page, parserHeld };
}
