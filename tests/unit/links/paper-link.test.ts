import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl } from '@/lib/links/arxiv';
import { repoFromGithubUrl, RESERVED_GITHUB_OWNERS } from '@/lib/links/github';
import { mightNamePaper } from '@/lib/links/candidate';
import { paperKeyFromLink, paperKeyFromUrl } from '@/lib/links/paper-link';
import { unwrapRedirect } from '@/lib/links/unwrap';
import {
  ARXIV_URLS,
  GITHUB_URLS,
  NOT_PAPER_URLS,
  RELATIVE_LINKS,
  SHORTENED_LINKS,
  WRAPPED_URLS,
} from './url-tables';

const url = (href: string) => new URL(href);
const otherThan = (...tables: Record<string, string>[]) =>
  [ARXIV_URLS, GITHUB_URLS, WRAPPED_URLS]
    .filter((table) => !tables.includes(table))
    .flatMap(Object.keys);

describe('arXiv links', () => {
  it.each(Object.entries(ARXIV_URLS))('%s → arxiv:%s', (href, id) => {
    expect(arxivIdFromUrl(url(href))).toBe(id);
    expect(paperKeyFromLink({ href })).toBe(`arxiv:${id}`);
  });
  it.each(otherThan(ARXIV_URLS))('not an arXiv URL: %s', (href) => {
    expect(arxivIdFromUrl(url(href))).toBeNull();
  });
});

describe('GitHub links', () => {
  it.each(Object.entries(GITHUB_URLS))('%s → github:%s', (href, repo) => {
    expect(repoFromGithubUrl(url(href))).toBe(repo);
    expect(paperKeyFromLink({ href })).toBe(`github:${repo}`);
  });
  it.each(otherThan(GITHUB_URLS))('not a GitHub repo URL: %s', (href) => {
    expect(repoFromGithubUrl(url(href))).toBeNull();
  });
});

describe('wrapped links', () => {
  it.each(Object.entries(WRAPPED_URLS))('%s → %s', (href, key) => {
    expect(paperKeyFromLink({ href })).toBe(key);
  });
  it.each(otherThan(WRAPPED_URLS))('not a redirect: %s', (href) => {
    expect(unwrapRedirect(url(href))).toBeNull();
  });
});

describe('shortened and relative links', () => {
  it.each([...SHORTENED_LINKS, ...RELATIVE_LINKS])('%j → %s', (link, key) => {
    expect(paperKeyFromLink(link)).toBe(key || null);
  });
});

describe('links that name no paper', () => {
  it.each(NOT_PAPER_URLS)('%j', (href) => {
    expect(paperKeyFromLink({ href, baseUrl: 'https://example.org/page' })).toBeNull();
  });
});

describe('properties', () => {
  it('never throws on any string, with or without a base', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.webUrl()), fc.string(), (href, baseUrl, text) => {
        paperKeyFromLink({
          href,
          baseUrl: baseUrl ?? undefined,
          text,
          title: text,
          expandedUrl: text,
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('never accepts a host outside the lists', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (href) => {
        const host = new URL(href).hostname;
        fc.pre(
          !/arxiv|lanl\.gov|github|huggingface|hf\.co|alphaxiv|ar5iv|scirate|doi\.org|openreview|aclanthology|aclweb|mlr\.press|jmlr|nips\.cc|neurips\.cc|thecvf|semanticscholar|google|facebook|reddit|youtube|duckduckgo|bing|slack|zhihu|linkedin|href\.li/.test(
            host,
          ),
        );
        expect(paperKeyFromUrl(url(href))).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it('a version suffix never changes the key', () => {
    const yymm = (minYear: number, maxYear: number) =>
      fc
        .tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 }))
        .map(([yy, mm]) => `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}`);
    // Four-digit numbers until 1412, five from 1501 on.
    const newId = fc.oneof(
      fc
        .tuple(yymm(8, 14), fc.integer({ min: 1, max: 9_999 }))
        .map(([p, n]) => `${p}.${String(n).padStart(4, '0')}`),
      fc
        .tuple(yymm(15, 99), fc.integer({ min: 1, max: 99_999 }))
        .map(([p, n]) => `${p}.${String(n).padStart(5, '0')}`),
    );
    const form = fc.constantFrom(
      (id: string) => `https://arxiv.org/abs/${id}`,
      (id: string) => `https://arxiv.org/pdf/${id}`,
      (id: string) => `https://huggingface.co/papers/${id}`,
      (id: string) => `https://ar5iv.labs.arxiv.org/html/${id}`,
    );
    fc.assert(
      fc.property(newId, form, fc.integer({ min: 1, max: 30 }), (id, makeUrl, version) => {
        const plain = paperKeyFromLink({ href: makeUrl(id) });
        expect(plain).toBe(`arxiv:${id}`);
        expect(paperKeyFromLink({ href: makeUrl(`${id}v${version}`) })).toBe(plain);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('mightNamePaper, the content script’s first look', () => {
  const positives = [
    ...Object.keys(ARXIV_URLS),
    ...Object.keys(GITHUB_URLS),
    ...Object.keys(WRAPPED_URLS),
    ...SHORTENED_LINKS.map(([link]) => link.href),
    ...RELATIVE_LINKS.map(([link]) => new URL(link.href, link.baseUrl).href),
  ];
  it.each(positives)('lets %s through', (href) => expect(mightNamePaper(href)).toBe(true));
  it.each([
    'https://example.org/',
    'https://news.ycombinator.com/item?id=1',
    'mailto:a@b.c',
    '#top',
  ])('stops %s', (href) => expect(mightNamePaper(href)).toBe(false));
});

describe("GitHub's own top-level pages", () => {
  it('come from the github-reserved-names list, which covers every name we listed by hand', () => {
    const handWritten = [
      'about',
      'account',
      'apps',
      'blog',
      'codespaces',
      'collections',
      'contact',
      'customer-stories',
      'dashboard',
      'enterprise',
      'events',
      'explore',
      'features',
      'git-guides',
      'github-copilot',
      'issues',
      'join',
      'login',
      'logout',
      'marketplace',
      'new',
      'notifications',
      'orgs',
      'organizations',
      'pricing',
      'pulls',
      'readme',
      'search',
      'security',
      'sessions',
      'settings',
      'signup',
      'site',
      'sponsors',
      'stars',
      'team',
      'topics',
      'trending',
      'users',
      'watching',
    ];
    for (const name of handWritten) expect(RESERVED_GITHUB_OWNERS.has(name)).toBe(true);
    expect(RESERVED_GITHUB_OWNERS.has('business')).toBe(true);
    expect(RESERVED_GITHUB_OWNERS.has('hazyresearch')).toBe(false);
  });
});
