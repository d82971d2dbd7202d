import { describe, expect, it } from 'vitest';
import { arxivIdMonth, canonicalArxivId } from '@/lib/links/arxiv-id';
import { parseRepoSlug } from '@/lib/links/github';
import { GITHUB_OWN_PAGES } from '@/lib/links/github-own-pages';
import { safeHref } from '@/lib/safe-url';
import { normaliseText } from '@/lib/text/normalise';

describe('canonicalArxivId', () => {
  it.each([
    ['2005.14165', '2005.14165'],
    ['2005.14165v3', '2005.14165'],
    ['arXiv:2005.14165', '2005.14165'],
    ['0704.0001', '0704.0001'],
    ['1412.6980', '1412.6980'],
    ['1501.00001v12', '1501.00001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['math.GT/0309136', 'math/0309136'],
    ['math.GT/0309136v2', 'math/0309136'],
    ['atom-ph/9601001', 'atom-ph/9601001'],
    ['q-bio/0401001', 'q-bio/0401001'],
  ])('%s → %s', (input, id) => expect(canonicalArxivId(input)).toBe(id));

  it.each([
    '',
    '2013.12345',
    '2000.12345',
    '205.14165',
    '2005.141651',
    'owner/9901001',
    'hep-th/9913001',
    '2005.14165v',
    '2005.14165 extra',
  ])('rejects %j', (input) => expect(canonicalArxivId(input)).toBeNull());
});

describe('parseRepoSlug', () => {
  it.each([
    ['muzairkhattak/PromptSRC', 'muzairkhattak/promptsrc'],
    ['a/b.git', 'a/b'],
    ['x-y/socket.io', 'x-y/socket.io'],
  ])('%s → %s', (input, repo) => expect(parseRepoSlug(input)).toBe(repo));

  it.each(['a', 'a/b/c', 'orgs/x', '-a/b', 'a/..', 'a_b/c', 'a/b c'])('rejects %j', (input) =>
    expect(parseRepoSlug(input)).toBeNull(),
  );

  it.each(GITHUB_OWN_PAGES)('never takes GitHub’s own %s pages for an owner', (name) =>
    expect(parseRepoSlug(`${name}/anything`)).toBeNull(),
  );
});

describe('safeHref', () => {
  it.each([
    ['https://arxiv.org/abs/2005.14165', 'https://arxiv.org/abs/2005.14165'],
    ['http://arxiv.org/pdf/2005.14165', 'https://arxiv.org/pdf/2005.14165'],
    ['https://export.arxiv.org/abs/1', 'https://export.arxiv.org/abs/1'],
    ['https://github.com/a/b', 'https://github.com/a/b'],
    ['https://embodied-codebook.github.io', 'https://embodied-codebook.github.io/'],
    ['https://huggingface.co/papers/2005.14165', 'https://huggingface.co/papers/2005.14165'],
    ['https://aclanthology.org/N19-1423/', 'https://aclanthology.org/N19-1423/'],
    ['http://proceedings.mlr.press/v139/a21a.html', 'https://proceedings.mlr.press/v139/a21a.html'],
    [
      'https://openaccess.thecvf.com/content/CVPR2022/html/x.html',
      'https://openaccess.thecvf.com/content/CVPR2022/html/x.html',
    ],
  ])('allows %s', (input, href) => expect(safeHref(input)).toBe(href));

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https://evil.example/arxiv.org',
    'https://arxiv.org.evil.example/',
    'https://user:pw@github.com/a/b',
    'https://github.com:8443/a/b',
    'ftp://arxiv.org/x',
    '//arxiv.org/abs/1',
    'not a url',
  ])('refuses %j', (input) => expect(safeHref(input)).toBeNull());
});

describe('normaliseText', () => {
  it('never splits a surrogate pair when it cuts', () => {
    expect(normaliseText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });
});

describe('arxivIdMonth', () => {
  it.each([
    ['2307.06948', { year: 2023, month: 7 }],
    ['0704.0001', { year: 2007, month: 4 }],
    ['hep-th/9901001', { year: 1999, month: 1 }],
    ['math/0309136', { year: 2003, month: 9 }],
    ['my-slug', null],
    [undefined, null],
  ])('%s → %j', (id, month) => expect(arxivIdMonth(id)).toEqual(month));
});
