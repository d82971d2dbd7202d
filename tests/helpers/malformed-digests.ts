/** Malformed digests, each with a fragment of the problem it must be rejected with. */
import { digest, paper } from './digests';

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
  // Shapes a broken exporter, a truncated download or a hostile feed produce.
  ['a number', 42, 'document: expected a JSON object'],
  ['true', true, 'document: expected a JSON object'],
  ['an empty object', {}, 'format: expected "paperpeek-digest"'],
  ['papers as an object', { ...valid, papers: { 0: paper() } }, 'papers: expected an array'],
  ['papers null', { ...valid, papers: null }, 'papers: expected an array'],
  ['a paper that is null', digest([null as never]), 'papers[0]: expected an object'],
  ['a paper that is an array', digest([[] as never]), 'papers[0]: expected an object'],
  ['a paper that is a string', digest(['2005.14165' as never]), 'papers[0]: expected an object'],
  ['id as a number', withPaper({ id: 2005.14165, arxivId: undefined }), 'papers[0].id: missing'],
  ['id with a path', withPaper({ id: '../../etc/passwd', arxivId: undefined }), 'papers[0].id'],
  ['id with markup', withPaper({ id: '<b>x</b>', arxivId: undefined }), 'papers[0].id'],
  ['an arXiv id that is not one', withPaper({ arxivId: '9999.9' }), 'papers[0].arxivId'],
  ['title as a number', withPaper({ title: 7 }), 'papers[0].title: expected text'],
  ['title only spaces', withPaper({ title: '   \n\t ' }), 'papers[0].title: empty'],
  [
    'title of control characters',
    withPaper({ title: '\u0000\u0007\u202e' }),
    'papers[0].title: empty',
  ],
  [
    'abstract as an object',
    withPaper({ abstract: { text: 'x' } }),
    'papers[0].abstract: expected text',
  ],
  [
    'authors as a string',
    withPaper({ authors: 'Tom B. Brown' }),
    'papers[0].authors: expected an array',
  ],
  [
    'an author that is null',
    withPaper({ authors: [null] }),
    'papers[0].authors[0]: expected a name',
  ],
  [
    'a repo URL to another host',
    withPaper({ repos: ['https://gitlab.com/a/b'] }),
    'papers[0].repos[0]',
  ],
  ['a link with javascript:', withPaper({ links: ['javascript:alert(1)'] }), 'papers[0].links[0]'],
  [
    'a link with data:',
    withPaper({ links: ['data:text/html,<script>alert(1)</script>'] }),
    'papers[0].links[0]',
  ],
  [
    'too many authors',
    withPaper({ authors: Array.from({ length: 201 }, (_, i) => `A${i}`) }),
    'papers[0].authors: 201 entries',
  ],
  ['upvotes as text', withPaper({ upvotes: '12' }), 'papers[0].upvotes'],
  [
    'generatedAt far too long',
    { ...valid, generatedAt: `2026-01-01${' '.repeat(100)}` },
    'generatedAt: expected an ISO 8601 date',
  ],
];
