import { describe, expect, it } from 'vitest';
import { LIMITS, validateDigest } from '@/lib/digest/schema';
import { digest, paper } from '../../helpers/digests';
import { MALFORMED_DIGESTS } from '../../helpers/malformed-digests';

describe('validateDigest rejects malformed documents', () => {
  it('has at least 50 of them', () => expect(MALFORMED_DIGESTS.length).toBeGreaterThanOrEqual(50));

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
