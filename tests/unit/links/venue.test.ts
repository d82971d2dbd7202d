import { describe, expect, it } from 'vitest';
import { mightNamePaper } from '@/lib/links/candidate';
import { parsePaperKey } from '@/lib/links/paper-key';
import { paperKeyFromLink } from '@/lib/links/paper-link';
import { isVenueKey, venueKeyFromUrl, venueKeyOfDoi } from '@/lib/links/venue';
import { ARXIV_URLS, GITHUB_URLS, NOT_PAPER_URLS, WRAPPED_URLS } from './url-tables';
import { NOT_VENUE_URLS, VENUE_URLS } from './venue-url-tables';

const rows = Object.entries(VENUE_URLS).flatMap(([host, table]) =>
  table.map((row) => ({ host, ...row })),
);

describe.each(Object.entries(VENUE_URLS))('%s links', (_host, table) => {
  it.each(table)('$href → $key ($seen)', ({ href, key }) => {
    expect(paperKeyFromLink({ href })).toBe(key);
    // The content script's first look lets it through, and the key survives a message.
    expect(mightNamePaper(href)).toBe(true);
    expect(parsePaperKey(key)).toBe(key);
  });
});

describe('venue pages that are not one paper', () => {
  it.each(NOT_VENUE_URLS)('%s (%s)', (href) => {
    expect(paperKeyFromLink({ href })).toBeNull();
  });
});

describe('venue keys', () => {
  it('come from no arXiv, GitHub, redirect or ordinary link', () => {
    const others = [
      ...Object.keys(ARXIV_URLS),
      ...Object.keys(GITHUB_URLS),
      ...Object.keys(WRAPPED_URLS),
      ...NOT_PAPER_URLS.filter((href) => /^https?:/.test(href)),
    ];
    for (const href of others) expect(venueKeyFromUrl(new URL(href)), href).toBeNull();
  });

  it('a wrapped venue link (a search result, a redirect) is the same paper', () => {
    const href = `https://www.google.com/url?q=${encodeURIComponent('https://openreview.net/forum?id=YicbFdNTTy')}`;
    expect(paperKeyFromLink({ href })).toBe('openreview:YicbFdNTTy');
  });

  it('an arXiv DOI stays an arXiv paper', () => {
    expect(paperKeyFromLink({ href: 'https://doi.org/10.48550/arXiv.2307.06948' })).toBe(
      'arxiv:2307.06948',
    );
  });

  it('a DOI from a digest or an arXiv answer gets the key its links get', () => {
    for (const { href, key } of rows.filter((row) => row.host === 'DOI')) {
      const doi = decodeURIComponent(new URL(href).pathname.slice(1));
      expect(venueKeyOfDoi(doi)).toBe(key);
      expect(venueKeyOfDoi(`doi:${doi.toUpperCase()}`)).toBe(key);
    }
    expect(venueKeyOfDoi('10.1145')).toBeNull();
    expect(venueKeyOfDoi('not a doi')).toBeNull();
  });

  it('refuses keys that are not in canonical form', () => {
    for (const bad of [
      'doi:10.1109/CVPR.2016.90', // upper case
      'acl:p19-1001',
      'openreview:',
      'openreview:a b',
      'neurips:2020/XYZ',
      's2:1234',
      'pmlr:202/x',
      'cvf:FOO2023/x_paper',
      'venue:x',
      `doi:10.1000/${'x'.repeat(300)}`,
    ]) {
      expect(isVenueKey(bad), bad).toBe(false);
      expect(parsePaperKey(bad), bad).toBeNull();
    }
  });

  it('each host table has at least three real forms', () => {
    for (const [host, table] of Object.entries(VENUE_URLS))
      expect(table.length, host).toBeGreaterThanOrEqual(3);
  });
});
