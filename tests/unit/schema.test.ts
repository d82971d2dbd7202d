import { describe, expect, it } from 'vitest';
import { LIMITS, validateDigest } from '@/lib/digest/schema';
import { digest, paper } from '../helpers/digests';

const valid = digest([
  paper(),
  paper({ id: 'hep-th/9901001', arxivId: undefined, title: 'Old style' }),
]);
const withPaper = (overrides: Record<string, unknown>) =>
  digest([{ ...paper(), ...overrides } as never]);

/** Each malformed document and a fragment of the problem it must be rejected with. */
export const MALFORMED_DIGESTS: [string, unknown, string][] = [
  ['null', null, 'document: expected a JSON object'],
  ['an array', [], 'document: expected a JSON object'],
  ['a string', 'paperpeek-digest', 'document: expected a JSON object'],
  [
    'wrong format',
    { ...valid, format: 'other' },
    'format: expected "paperpeek-digest", found "other"',
  ],
  [
    'future version',
    { ...valid, version: 2 },
    'version: this PaperPeek reads version 1, found number 2',
  ],
  ['version as text', { ...valid, version: '1' }, 'version: this PaperPeek reads version 1'],
  [
    'no generatedAt',
    { ...valid, generatedAt: undefined },
    'generatedAt: expected an ISO 8601 date',
  ],
  [
    'bad generatedAt',
    { ...valid, generatedAt: 'yesterday' },
    'generatedAt: expected an ISO 8601 date, found "yesterday"',
  ],
  ['empty source', { ...valid, source: '  ' }, 'source: expected a non-empty string'],
  ['papers not an array', { ...valid, papers: {} }, 'papers: expected an array, found an object'],
  ['paper not an object', digest(['x' as never]), 'papers[0]: expected an object, found "x"'],
  ['missing title', withPaper({ title: undefined }), 'papers[0].title: missing'],
  ['blank title', withPaper({ title: ' \n\t ' }), 'papers[0].title: empty'],
  ['numeric title', withPaper({ title: 42 }), 'papers[0].title: expected text, found number 42'],
  ['missing abstract', withPaper({ abstract: undefined }), 'papers[0].abstract: missing'],
  ['missing id', withPaper({ id: undefined, arxivId: undefined }), 'papers[0].id: missing'],
  [
    'id with spaces',
    withPaper({ id: 'not an id', arxivId: undefined }),
    'papers[0].id: "not an id" is neither an arXiv id nor a slug',
  ],
  [
    'id differs from arxivId',
    withPaper({ id: '2101.00001' }),
    'papers[0].id: 2101.00001 does not match arxivId 2005.14165',
  ],
  [
    'slug id with arxivId',
    withPaper({ id: 'gpt-3' }),
    'papers[0].id: must be the arXiv id 2005.14165',
  ],
  [
    'bad arxivId',
    withPaper({ arxivId: '2013.99999' }),
    'papers[0].arxivId: not an arXiv id: "2013.99999"',
  ],
  [
    'duplicate id',
    digest([paper(), paper({ title: 'Again' })]),
    'papers[1].id: duplicate of papers[0] (2005.14165)',
  ],
  [
    'duplicate id across versions',
    digest([paper(), paper({ id: '2005.14165v3', arxivId: undefined })]),
    'papers[1].id: duplicate of papers[0]',
  ],
  [
    'authors not an array',
    withPaper({ authors: 'Brown' }),
    'papers[0].authors: expected an array, found "Brown"',
  ],
  ['empty author', withPaper({ authors: ['Brown', ''] }), 'papers[0].authors[1]: expected a name'],
  [
    'repo as URL',
    withPaper({ repos: ['https://github.com/a/b'] }),
    'papers[0].repos[0]: expected a GitHub owner/name',
  ],
  [
    'reserved repo owner',
    withPaper({ repos: ['topics/llm'] }),
    'papers[0].repos[0]: expected a GitHub owner/name, found "topics/llm"',
  ],
  [
    'javascript: link',
    withPaper({ links: ['javascript:alert(1)'] }),
    'papers[0].links[0]: expected an http(s) URL',
  ],
  [
    'data: link',
    withPaper({ links: ['data:text/html,<script>alert(1)</script>'] }),
    'papers[0].links[0]: expected an http(s) URL',
  ],
  [
    'negative upvotes',
    withPaper({ upvotes: -1 }),
    'papers[0].upvotes: expected a whole number ≥ 0, found number -1',
  ],
  ['fractional upvotes', withPaper({ upvotes: 1.5 }), 'papers[0].upvotes'],
  [
    'bad publishedAt',
    withPaper({ publishedAt: 'soon' }),
    'papers[0].publishedAt: expected an ISO 8601 date',
  ],
  [
    'too many repos',
    withPaper({ repos: Array.from({ length: 21 }, (_, i) => `o/r${i}`) }),
    'papers[0].repos: 21 entries, more than the 20 allowed',
  ],
];

describe('validateDigest rejects malformed documents', () => {
  it('has at least 20 of them', () => expect(MALFORMED_DIGESTS.length).toBeGreaterThanOrEqual(20));

  it.each(MALFORMED_DIGESTS)('%s', (_name, document, problem) => {
    const result = validateDigest(document);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join('\n')).toContain(problem);
  });

  it('reports every problem in a document, not only the first', () => {
    const result = validateDigest(
      digest([paper({ title: '' }), paper({ id: 'x y', arxivId: undefined, abstract: '' })], {
        source: '',
      }),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      'source: expected a non-empty string, found an empty string',
      'papers[0].title: empty',
      'papers[1].id: "x y" is neither an arXiv id nor a slug (a-z, 0-9, -)',
      'papers[1].abstract: empty',
    ]);
  });

  it('caps the list of problems of a huge bad document', () => {
    const result = validateDigest(digest(Array.from({ length: 500 }, () => ({}) as never)));
    expect(result.ok ? [] : result.problems).toHaveLength(LIMITS.problems + 1);
    expect(result.ok ? '' : result.problems.at(-1)).toMatch(/^…and \d+ more problems$/);
  });
});

describe('validateDigest cleans what it accepts', () => {
  it('canonicalises ids, repos and dates, and ignores unknown fields', () => {
    const result = validateDigest({
      ...digest([
        {
          ...paper({ id: 'arXiv:2005.14165v2', arxivId: '2005.14165v1' }),
          repos: ['OpenAI/GPT-3', 'openai/gpt-3'],
          publishedAt: '2020-05-28',
          tracking: 'ignored',
        } as never,
        paper({ id: 'math.GT/0309136v2', arxivId: undefined, title: 'Old' }),
        paper({ id: 'my-paper', arxivId: undefined, title: 'No arXiv' }),
      ]),
      extra: { nested: true },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [gpt3, old, slug] = result.digest.papers;
    expect(gpt3).toMatchObject({
      id: '2005.14165',
      arxivId: '2005.14165',
      repos: ['openai/gpt-3'],
    });
    expect(gpt3?.publishedAt).toBe('2020-05-28T00:00:00.000Z');
    expect(gpt3).not.toHaveProperty('tracking');
    expect(old).toMatchObject({ id: 'math/0309136', arxivId: 'math/0309136' });
    expect(slug).toMatchObject({ id: 'my-paper' });
    expect(slug).not.toHaveProperty('arxivId');
    expect(result.digest).not.toHaveProperty('extra');
  });

  it('collapses whitespace, strips control and bidi characters, caps lengths', () => {
    const result = validateDigest(
      digest([
        paper({
          title: '  A\u0000 title\n\twith \u202Eevil\u202C  spacing ',
          abstract: 'x'.repeat(LIMITS.abstract + 50),
          authors: ['  Ada\nLovelace '],
        }),
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [clean] = result.digest.papers;
    expect(clean?.title).toBe('A title with evil spacing');
    expect(clean?.abstract).toHaveLength(LIMITS.abstract);
    expect(clean?.abstract.endsWith('…')).toBe(true);
    expect(clean?.authors).toEqual(['Ada Lovelace']);
  });
});
