/**
 * Papers as Zotero items, field by field: an arXiv preprint, a conference paper and a journal
 * paper (issue 18's venues), TeX and non-Latin names, and the user's note as escaped HTML.
 */
import { describe, expect, it } from 'vitest';
import type { CitedEntry } from '@/lib/reading-list/export';
import { noteHtml, toZoteroItem } from '@/lib/zotero/item';
import { readingEntry } from '../../helpers/digests';

const entry = (overrides: Partial<CitedEntry> = {}): CitedEntry =>
  readingEntry({ authors: ['Tom B. Brown', 'Benjamin Mann'], ...overrides });

describe('Zotero items', () => {
  it('makes an arXiv paper a preprint with arXiv as its repository and the PDF to fetch', () => {
    const item = toZoteroItem(
      entry({
        paperId: '2307.06948',
        arxivId: '2307.06948',
        title: 'Self-regulating  Prompts: $\\alpha$-Foundational\nModel Adaptation',
        authors: ['Muhammad Uzair Khattak', 'Syed Talal Wasim'],
        publishedAt: '2023-07-13T00:00:00Z',
        abstract: 'Prompt learning has emerged as an efficient alternative.',
        tags: ['prompts', 'vision'],
        note: 'Read section 3 first.',
      }),
      'paperpeek-1',
    );
    expect(item).toEqual({
      id: 'paperpeek-1',
      itemType: 'preprint',
      title: 'Self-regulating Prompts: α-Foundational Model Adaptation',
      creators: [
        { creatorType: 'author', firstName: 'Muhammad Uzair', lastName: 'Khattak' },
        { creatorType: 'author', firstName: 'Syed Talal', lastName: 'Wasim' },
      ],
      abstractNote: 'Prompt learning has emerged as an efficient alternative.',
      date: '2023-07-13',
      DOI: '10.48550/arXiv.2307.06948',
      url: 'https://arxiv.org/abs/2307.06948',
      repository: 'arXiv',
      archiveID: 'arXiv:2307.06948',
      libraryCatalog: 'arXiv.org',
      tags: [{ tag: 'prompts' }, { tag: 'vision' }],
      notes: [{ itemType: 'note', note: '<p>Read section 3 first.</p>' }],
      attachments: [
        {
          title: 'arXiv Fulltext PDF',
          url: 'https://arxiv.org/pdf/2307.06948',
          mimeType: 'application/pdf',
        },
      ],
    });
  });

  it('makes a paper with a known venue a conference paper or a journal article', () => {
    const bert = toZoteroItem(
      entry({
        paperId: '1810.04805',
        arxivId: '1810.04805',
        title: 'BERT: Pre-training of Deep Bidirectional Transformers',
        authors: ['Jacob Devlin'],
        venue: { name: 'NAACL 2019', year: 2019, kind: 'proceedings' },
        doi: '10.18653/v1/N19-1423',
      }),
      'paperpeek-2',
    );
    expect(bert).toMatchObject({
      itemType: 'conferencePaper',
      proceedingsTitle: 'NAACL 2019',
      date: '2019',
      DOI: '10.18653/v1/N19-1423',
      url: 'https://arxiv.org/abs/1810.04805',
      extra: 'arXiv: 1810.04805',
    });
    expect(bert.repository).toBeUndefined();
    expect(bert.archiveID).toBeUndefined();

    const { arxivId: _none, ...withoutArxiv } = entry({
      paperId: 'doi:10.1038/nature14539',
      title: 'Deep learning',
      authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
      venue: { name: 'Nature', year: 2015, kind: 'journal' },
      doi: '10.1038/nature14539',
      links: ['javascript:alert(1)', 'https://www.nature.com/articles/nature14539'],
    });
    const nature = toZoteroItem(withoutArxiv, 'paperpeek-3');
    expect(nature).toMatchObject({
      itemType: 'journalArticle',
      publicationTitle: 'Nature',
      date: '2015',
      DOI: '10.1038/nature14539',
      // No link passes the allow-list (never the script): the DOI's address.
      url: 'https://doi.org/10.1038/nature14539',
      attachments: [],
    });
    expect(nature.creators.map((creator) => creator.lastName)).toEqual([
      'LeCun',
      'Bengio',
      'Hinton',
    ]);
  });

  it('splits TeX, accented, suffixed and non-Latin names as Zotero keeps them', () => {
    const item = toZoteroItem(
      entry({
        authors: [
          "Jan Kudl{\\'a}{\\v c}ek",
          'Kurt G\\"odel',
          'Martin Luther King Jr.',
          '王小明',
          'Ilya Sutskever',
          'OpenAI',
          '   ',
        ],
      }),
      'paperpeek-1',
    );
    expect(item.creators).toEqual([
      { creatorType: 'author', firstName: 'Jan', lastName: 'Kudláček' },
      { creatorType: 'author', firstName: 'Kurt', lastName: 'Gödel' },
      { creatorType: 'author', firstName: 'Martin Luther, Jr.', lastName: 'King' },
      { creatorType: 'author', lastName: '王小明', fieldMode: 1 },
      { creatorType: 'author', firstName: 'Ilya', lastName: 'Sutskever' },
      { creatorType: 'author', lastName: 'OpenAI', fieldMode: 1 },
    ]);
  });

  it("writes the user's note as text in HTML, never as markup", () => {
    expect(noteHtml('<img src=x onerror=alert(1)> & "quotes"\nline two\n\nNext paragraph')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;<br>line two</p><p>Next paragraph</p>',
    );
    expect(toZoteroItem(entry({ note: '  \n ' }), 'x').notes).toEqual([]);
  });

  it('dates a paper with no publication date by its arXiv id, to the month', () => {
    const item = toZoteroItem(entry({ arxivId: '2104.06486', paperId: '2104.06486' }), 'x');
    expect(item.date).toBe('2021-04');
  });
});
