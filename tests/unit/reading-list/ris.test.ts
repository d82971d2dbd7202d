/**
 * RIS export, read back by citation-js's RIS parser: a preprint, a conference paper and a journal
 * paper field by field; names with TeX, accents, non-Latin scripts and suffixes; and any text
 * (a title cannot end a record or start another).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRis } from '@/lib/reading-list/ris';
import type { CitedEntry } from '@/lib/reading-list/export';
import { readingEntry } from '../../helpers/digests';
import { readRis } from '../../helpers/ris';

const entry = (overrides: Partial<CitedEntry> = {}): CitedEntry =>
  readingEntry({ authors: ['Tom B. Brown', 'Benjamin Mann'], ...overrides });

describe('RIS', () => {
  it('writes a preprint, a conference paper and a journal paper that read back field by field', () => {
    const preprint = entry({
      paperId: '2307.06948',
      arxivId: '2307.06948',
      title: 'Self-regulating Prompts: Foundational Model Adaptation without Forgetting',
      authors: ['Muhammad Uzair Khattak', 'Syed Talal Wasim'],
      publishedAt: '2023-07-13T00:00:00Z',
      tags: ['prompts', 'vision'],
      note: 'Read section 3 first.',
    });
    const bert = entry({
      paperId: '1810.04805',
      arxivId: '1810.04805',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers',
      authors: ['Jacob Devlin', 'Ming-Wei Chang'],
      venue: { name: 'NAACL 2019', year: 2019, kind: 'proceedings' },
      doi: '10.18653/v1/N19-1423',
    });
    const journal = entry({
      paperId: 'doi:10.1038/nature14539',
      title: 'Deep learning',
      authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
      venue: { name: 'Nature', year: 2015, kind: 'journal' },
      doi: '10.1038/nature14539',
    });
    const [a, b, c] = readRis(toRis([preprint, bert, journal]));
    expect(a).toMatchObject({
      type: 'manuscript',
      title: preprint.title,
      author: [
        { family: 'Khattak', given: 'Muhammad Uzair' },
        { family: 'Wasim', given: 'Syed Talal' },
      ],
      issued: { 'date-parts': [[2023, 7, 13]] },
      publisher: 'arXiv',
      DOI: '10.48550/arXiv.2307.06948',
      URL: 'https://arxiv.org/abs/2307.06948',
      note: 'Read section 3 first.',
    });
    expect(String(a?.keyword)).toMatch(/prompts.*vision/);
    expect(b).toMatchObject({
      type: 'paper-conference',
      title: bert.title,
      'event-title': 'NAACL 2019',
      issued: { 'date-parts': [[2019]] },
      DOI: '10.18653/v1/N19-1423',
      URL: 'https://arxiv.org/abs/1810.04805',
    });
    expect(c).toMatchObject({
      type: 'article-journal',
      title: 'Deep learning',
      'container-title': 'Nature',
      DOI: '10.1038/nature14539',
      author: [
        { family: 'LeCun', given: 'Yann' },
        { family: 'Bengio', given: 'Yoshua' },
        { family: 'Hinton', given: 'Geoffrey' },
      ],
    });
  });

  it('keeps names as written: accents, non-Latin scripts, suffixes, TeX', () => {
    const [read] = readRis(
      toRis([
        entry({
          title: 'Über $\\mathcal{O}(n)$ Modelle',
          authors: [
            'José García-López',
            '山田 太郎',
            'Martin Luther King Jr.',
            'Jürgen Schmidhuber',
          ],
        }),
      ]),
    );
    expect(read?.title).toBe('Über $\\mathcal{O}(n)$ Modelle');
    expect(read?.author).toEqual([
      { family: 'García-López', given: 'José' },
      { family: '太郎', given: '山田' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { family: 'Schmidhuber', given: 'Jürgen' },
    ]);
  });

  it('never lets a title end its record or start another', () => {
    const hostile = entry({
      title: 'A title\r\nER  - \r\nTY  - JOUR\r\nTI  - injected',
      note: 'x\nER  - ',
    });
    const items = readRis(toRis([hostile, entry({ title: 'Next' })]));
    expect(items.map((item) => item.title)).toEqual([
      'A title ER - TY - JOUR TI - injected',
      'Next',
    ]);
  });

  it('reads back one record per entry, with its title and every author, for any text', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const nonEmpty = text.filter((value) => /\p{L}/u.test(value));
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: nonEmpty, authors: fc.array(nonEmpty, { maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        (papers) => {
          const entries = papers.map((paper, i) => entry({ ...paper, paperId: `p${i}` }));
          const items = readRis(toRis(entries));
          expect(items).toHaveLength(entries.length);
          items.forEach((item, i) => {
            expect(item.title).toBe(entries[i]?.title.replace(/\s+/g, ' ').trim());
            expect(item.author ?? []).toHaveLength(entries[i]?.authors.length ?? 0);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
