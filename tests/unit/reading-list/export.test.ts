import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBibTeX } from '../../helpers/bibtex';
import { readingEntry } from '../../helpers/digests';
import {
  bibtexText,
  citationKey,
  markdownText,
  splitName,
  toBibTeX,
  toJsonBackup,
  toMarkdown,
  type CitedEntry,
} from '@/lib/reading-list/export';
import { toCslJson } from '@/lib/reading-list/csl';

const entry = (overrides: Partial<CitedEntry> = {}): CitedEntry =>
  readingEntry({ authors: ['Tom B. Brown', 'Benjamin Mann'], ...overrides });

const readBack = readBibTeX;

describe('BibTeX', () => {
  it('writes an @misc entry with the date, eprint, category, arXiv DOI and url', () => {
    expect(
      toBibTeX([entry({ primaryCategory: 'cs.CL', publishedAt: '2020-05-28T17:29:03Z' })]),
    ).toBe(
      '@misc{brown2020language,\n' +
        '  title = {Language Models are Few-Shot Learners},\n' +
        '  author = {Tom B. Brown and Benjamin Mann},\n' +
        '  year = {2020},\n' +
        '  month = may,\n' +
        '  eprint = {2005.14165},\n' +
        '  archivePrefix = {arXiv},\n' +
        '  primaryClass = {cs.CL},\n' +
        '  doi = {10.48550/arXiv.2005.14165},\n' +
        '  url = {https://arxiv.org/abs/2005.14165}\n' +
        '}\n',
    );
  });

  it('reads back through a real BibTeX parser, field for field', () => {
    const bib = toBibTeX([
      entry({ primaryCategory: 'cs.CL' }),
      entry({
        paperId: 'hep-th/9901001',
        arxivId: 'hep-th/9901001',
        title: 'Strings on $\\mathcal{O}(n)$ Branes with {BERT} & LoRA',
        authors: ['Martin Luther King Jr.', 'Kudláček, Jan'],
        note: '50% done; see \\cite{x}',
      }),
    ]);
    const { library, unknownCommands } = readBack(bib);
    expect(library.errors).toEqual([]);
    // The only command it cannot turn into text is the math one, kept as math on purpose.
    expect(unknownCommands).toEqual(['mathcal']);
    const [gpt3, old] = library.entries;
    expect(gpt3?.fields).toMatchObject({
      title: 'Language Models are Few-Shot Learners',
      year: '2020',
      month: '5',
      eprint: '2005.14165',
      archiveprefix: 'arXiv',
      primaryclass: 'cs.CL',
      doi: '10.48550/arXiv.2005.14165',
    });
    expect(gpt3?.fields.author).toEqual([
      { firstName: 'Tom B.', lastName: 'Brown' },
      { firstName: 'Benjamin', lastName: 'Mann' },
    ]);
    // Old-style ids: year and month from the id, their archive as the class.
    expect(old?.fields).toMatchObject({ year: '1999', month: '1', primaryclass: 'hep-th' });
    // "Jr." is a suffix, not a surname; "Last, First" is read as such.
    const names = (old?.fields.author as { lastName?: string }[] | undefined) ?? [];
    // The parser gives accents back decomposed (NFD): compared as the same letters.
    expect(names.map((name) => ({ ...name, lastName: name.lastName?.normalize('NFC') }))).toEqual([
      { firstName: 'Martin Luther', lastName: 'King', suffix: 'Jr.' },
      { firstName: 'Jan', lastName: 'Kudláček' },
    ]);
    // The user's note as `annote`, which styles do not print.
    expect(old?.fields.annote).toBe('50% done; see \\cite{x}');
    expect(old?.fields).not.toHaveProperty('note');
    // Math stays math, braces and all; acronyms are case-protected.
    expect(old?.input).toContain('$\\mathcal{O}(n)$');
    expect(old?.input).toContain('{BERT}');
    expect(old?.input).toContain('{LoRA}');
    expect(old?.key).toBe('king1999strings');
  });

  it.each([
    [{}, 'brown2020language'],
    [
      { title: 'On the Provable Advantage of Pretraining', arxivId: '2303.01566' },
      'brown2023provable',
    ],
    [{ authors: ['José Müller-Ñúñez'] }, 'mullernunez2020language'],
    [{ authors: ['Martin Luther King Jr.'] }, 'king2020language'],
    [{ authors: ['King, Jr., Martin Luther'] }, 'king2020language'],
    [{ authors: ["Kudl{\\'a}{\\v c}ek, Jan"] }, 'kudlacek2020language'],
    [{ title: '$\\mathcal{O}(n)$ Attention for \\textbf{All}' }, 'brown2020attention'],
    [{ authors: [] }, 'language2020'],
    [{ authors: [], arxivId: undefined }, 'language'],
    [{ authors: ['   '], title: 'ZIP-FIT: Embedding-Free Data Selection' }, 'zipfit2020'],
    [{ arxivId: undefined }, 'brownlanguage'],
    [{ publishedAt: '2021-01-02T00:00:00Z' }, 'brown2021language'],
  ])('cites %j as %s', (overrides, key) => expect(citationKey(entry(overrides))).toBe(key));

  it('keeps keys unique', () => {
    const keys = [
      ...toBibTeX([entry(), entry({ paperId: 'x' }), entry({ paperId: 'y' })]).matchAll(
        /@misc\{([^,]+),/g,
      ),
    ].map((m) => m[1]);
    expect(keys).toEqual(['brown2020language', 'brown2020languagea', 'brown2020languageb']);
  });

  it.each([
    ['Café Müller', 'Caf{\\\'e} M{\\"u}ller'],
    ['Škoda Straße', '{\\v S}koda Stra{\\ss}e'],
    ['100% & more_data #1 {x} ^~', '100\\% \\& more\\_data \\#1 \\{x\\} \\^{}\\~{}'],
    ['On $\\alpha$-nets and \\emph{more}', 'On $\\alpha$-nets and \\textbackslash{}emph\\{more\\}'],
    ['Cost $5 and $10', 'Cost \\$5 and \\$10'],
    ['$\\mathcal{O}(n)$ time', '$\\mathcal{O}(n)$ time'],
    ['$\\input{/etc/passwd}$', '\\$\\textbackslash{}input\\{/etc/passwd\\}\\$'],
  ])('escapes %s', (input, output) => expect(bibtexText(input)).toBe(output));

  it.each([
    ['BERT and GPT-4 for ImageNet', '{BERT} and {GPT}-4 for {ImageNet}'],
    ['Few-Shot Learners', 'Few-Shot Learners'],
    ['LoRA: Low-Rank Adaptation', '{LoRA}: Low-Rank Adaptation'],
  ])('case-protects the acronyms of %s', (input, output) =>
    expect(bibtexText(input, true)).toBe(output),
  );

  it('cannot be broken out of by a hostile title or note', () => {
    const bib = toBibTeX([
      entry({ title: 'x}}, note = {pwned', note: '}\n@misc{evil, title={x}' }),
    ]);
    expect(bib.match(/@misc\{/g)).toHaveLength(1);
    const { library } = readBack(bib);
    expect(library.errors).toEqual([]);
    expect(library.entries[0]?.fields).toMatchObject({
      title: 'x}}, note = {pwned',
      annote: '}\n@misc{evil, title={x}'.replace('\n', ' '),
    });
    // Every brace the fields add is balanced and escaped ones are not counted.
    const bare = bib.replace(/\\[{}]/g, '');
    expect(bare.split('{').length).toBe(bare.split('}').length);
    expect(bib).toContain('title = {x\\}\\}, note = \\{pwned}');
  });
});

/** Titles, names and notes as digests bring them: TeX, Unicode, markup and noise. */
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        '$\\alpha$',
        '$\\mathcal{O}(n)$',
        '\\emph{x}',
        '{BERT}',
        'GPT-4',
        'Müller',
        'Straße',
        '<b>',
        '&amp;',
        '}',
        '{',
        '%',
        '#',
        '_',
        '~',
        '^',
        '\\',
        '"',
        '@misc{x,',
        'Few-Shot',
        '[x](y)',
        '中文',
        '😀',
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(' ')),
);
const nonEmpty = text.filter((value) => value.trim().length > 0);

describe('papers published at a venue', () => {
  const bert = entry({
    paperId: '1810.04805',
    arxivId: '1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: ['Jacob Devlin', 'Ming-Wei Chang'],
    publishedAt: '2018-10-11T00:49:04Z',
    venue: { name: 'NAACL 2019', year: 2019, kind: 'proceedings' },
    doi: '10.18653/v1/N19-1423',
  });

  it('BibTeX: @inproceedings with the booktitle, the venue’s year and its DOI; arXiv kept as eprint', () => {
    const { library } = readBack(toBibTeX([bert]));
    expect(library.errors).toEqual([]);
    const [read] = library.entries;
    expect(read?.type).toBe('inproceedings');
    expect(read?.fields).toMatchObject({
      booktitle: 'NAACL 2019',
      year: '2019',
      doi: '10.18653/v1/N19-1423',
      eprint: '1810.04805',
      url: 'https://arxiv.org/abs/1810.04805',
    });
    expect(read?.fields).not.toHaveProperty('month'); // arXiv's month is not the venue's
  });

  it('BibTeX: @article with the journal for a journal; @misc as before with no venue', () => {
    const nature = entry({ venue: { name: 'Nature', kind: 'journal' }, publishedAt: '2021-07-15' });
    const [read] = readBack(toBibTeX([nature])).library.entries;
    expect(read?.type).toBe('article');
    expect(read?.fields).toMatchObject({ journal: 'Nature', year: '2021' });
    expect(toBibTeX([entry()])).toMatch(/^@misc\{/);
  });

  it('BibTeX: a hostile venue name stays inside its field', () => {
    const hostile = entry({
      venue: { name: 'X}, note = {pwned} @misc{y, title={z', kind: 'proceedings' },
    });
    const { library } = readBack(toBibTeX([hostile]));
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    expect(library.entries[0]?.fields.booktitle).toBe('X}, note = {pwned} @misc{y, title={z');
  });

  it('CSL-JSON: a paper-conference in its container, issued the venue’s year, not an arXiv preprint', () => {
    const [item] = JSON.parse(toCslJson([bert])) as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: 'paper-conference',
      'container-title': 'NAACL 2019',
      issued: { 'date-parts': [[2019]] },
      DOI: '10.18653/v1/N19-1423',
      URL: 'https://arxiv.org/abs/1810.04805',
    });
    expect(item).not.toHaveProperty('publisher');
    expect(item).not.toHaveProperty('genre');
    const [journal] = JSON.parse(
      toCslJson([entry({ venue: { name: 'TACL 2023', year: 2023, kind: 'journal' } })]),
    ) as Record<string, unknown>[];
    expect(journal).toMatchObject({ type: 'article-journal', 'container-title': 'TACL 2023' });
  });
});

describe('what a user wrote and what a digest lacks', () => {
  const note = 'Baseline for our ICLR submission; compare with §4 before the deadline.';

  it('keeps a private note out of what styles print, and in the backup and the Markdown list', () => {
    const noted = entry({ note, tags: ['iclr'] });
    const [read] = readBack(toBibTeX([noted])).library.entries;
    expect(read?.fields.annote).toBe(note);
    expect(read?.fields).not.toHaveProperty('note');
    const [item] = JSON.parse(toCslJson([noted])) as Record<string, unknown>[];
    expect(JSON.stringify(item)).not.toContain('ICLR submission');
    expect(item).not.toHaveProperty('note');
    expect(toMarkdown([noted])).toContain(`  > ${note}`);
    const backup = JSON.parse(toJsonBackup([noted], new Date(0))) as { entries: CitedEntry[] };
    expect(backup.entries[0]?.note).toBe(note);
  });

  it('cites papers with no authors by their title and year, each key its own', () => {
    const papers = [
      entry({
        authors: [],
        title: 'ZIP-FIT: Embedding-Free Data Selection',
        arxivId: '2410.18194',
      }),
      entry({ authors: [], title: 'The Zip Code of Models', arxivId: '2410.00001' }),
      entry({ authors: [], title: 'ZIP-FIT Revisited', arxivId: '2410.00002' }),
    ];
    const { library } = readBack(toBibTeX(papers));
    expect(library.errors).toEqual([]);
    expect(library.entries.map((read) => read.key)).toEqual([
      'zipfit2024',
      'zip2024',
      'zipfit2024a',
    ]);
    expect(library.entries.every((read) => !('author' in read.fields))).toBe(true);
    const items = JSON.parse(toCslJson(papers)) as { id: string }[];
    expect(items.map((item) => item.id)).toEqual(['zipfit2024', 'zip2024', 'zipfit2024a']);
  });

  it('keeps a DOI as registered, and gives a venue paper no arXiv DOI', () => {
    const published = entry({
      venue: { name: 'ICML 2021', year: 2021, kind: 'proceedings' },
      doi: '10.18653/v1/N19-1423',
    });
    expect(readBack(toBibTeX([published])).library.entries[0]?.fields.doi).toBe(
      '10.18653/v1/N19-1423',
    );
    const noDoi = entry({ venue: { name: 'ICML 2021', year: 2021, kind: 'proceedings' } });
    const [read] = readBack(toBibTeX([noDoi])).library.entries;
    expect(read?.type).toBe('inproceedings');
    expect(read?.fields).not.toHaveProperty('doi');
    expect(read?.fields).toMatchObject({ eprint: '2005.14165', archiveprefix: 'arXiv' });
    const [item] = JSON.parse(toCslJson([noDoi])) as Record<string, unknown>[];
    expect(item).not.toHaveProperty('DOI');
    // A preprint still carries arXiv's.
    expect(readBack(toBibTeX([entry()])).library.entries[0]?.fields.doi).toBe(
      '10.48550/arXiv.2005.14165',
    );
  });
});

describe('exports of any text (property tests)', () => {
  it('BibTeX always parses back to one entry per paper, with its title and every author', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ title: nonEmpty, authors: fc.array(nonEmpty, { maxLength: 3 }), note: text }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (papers) => {
          const entries = papers.map((paper, i) => entry({ ...paper, paperId: `p${i}` }));
          const { library } = readBack(toBibTeX(entries));
          expect(library.entries).toHaveLength(entries.length);
          expect(new Set(library.entries.map((each) => each.key)).size).toBe(entries.length);
          library.entries.forEach((read, i) => {
            expect(read.fields.title).toBeDefined();
            const authors = (read.fields.author as unknown[] | undefined) ?? [];
            expect(authors.length).toBe(entries[i]?.authors.length ?? 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('CSL-JSON is JSON with the exact title, names and date', () => {
    fc.assert(
      fc.property(nonEmpty, fc.array(nonEmpty, { maxLength: 3 }), (title, authors) => {
        const [item] = JSON.parse(toCslJson([entry({ title, authors })])) as Record<
          string,
          unknown
        >[];
        expect(item?.title).toBe(title.replace(/\s+/g, ' ').trim());
        expect(((item?.author as unknown[] | undefined) ?? []).length).toBe(authors.length);
        expect(item?.issued).toEqual({ 'date-parts': [[2020, 5]] });
      }),
      { numRuns: 300 },
    );
  });

  it('Markdown keeps each entry on its own item line and makes no link or HTML of the text', () => {
    fc.assert(
      fc.property(nonEmpty, text, (title, note) => {
        const markdown = toMarkdown([entry({ title, note, arxivId: undefined, repos: [] })]);
        const lines = markdown.split('\n').filter(Boolean);
        expect(lines.filter((line) => line.startsWith('- [')).length).toBe(1);
        expect(markdown).not.toMatch(/<(?!https:)[a-z/!]/i);
        expect(markdown).not.toMatch(/(^|[^\\])\]\(/m);
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSL-JSON', () => {
  it('writes an article with arXiv DOI, number, URL, names and date parts', () => {
    const [item] = JSON.parse(
      toCslJson([
        entry({
          authors: ['Tom B. Brown', 'Martin Luther King Jr.', 'Plato'],
          publishedAt: '2020-05-28T17:29:03Z',
          primaryCategory: 'cs.CL',
        }),
      ]),
    ) as Record<string, unknown>[];
    expect(item).toEqual({
      id: 'brown2020language',
      type: 'article',
      title: 'Language Models are Few-Shot Learners',
      author: [
        { family: 'Brown', given: 'Tom B.' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { literal: 'Plato' },
      ],
      issued: { 'date-parts': [[2020, 5, 28]] },
      DOI: '10.48550/arXiv.2005.14165',
      URL: 'https://arxiv.org/abs/2005.14165',
      number: 'arXiv:2005.14165',
      publisher: 'arXiv',
      genre: 'arXiv preprint [cs.CL]',
    });
  });

  it('splits names as reference managers do', () => {
    expect(splitName('King, Jr., Martin Luther')).toEqual({
      family: 'King',
      given: 'Martin Luther',
      suffix: 'Jr.',
    });
    expect(splitName('Kudláček, Jan')).toEqual({ family: 'Kudláček', given: 'Jan' });
  });
});

describe('Markdown', () => {
  it('lists entries with a checkbox, link, year, arXiv id, authors, code, tags and note', () => {
    expect(
      toMarkdown([
        entry({ status: 'read', repos: ['openai/gpt-3'], tags: ['llm'], note: 'Read §3.' }),
      ]),
    ).toBe(
      '# Reading list\n\n' +
        '- [x] [Language Models are Few-Shot Learners](<https://arxiv.org/abs/2005.14165>) (2020, arXiv:2005.14165)\n' +
        '  Tom B. Brown, Benjamin Mann\n' +
        '  Code: [openai/gpt-3](<https://github.com/openai/gpt-3>)\n' +
        '  Tags: llm\n' +
        '  > Read §3.\n',
    );
  });

  it('does not over-escape: hyphens, dots and a lone & stay as typed', () => {
    expect(markdownText('Few-Shot & Zero-Shot v2.0 (2020) #1 +x')).toBe(
      'Few-Shot & Zero-Shot v2.0 (2020) #1 +x',
    );
  });

  it('renders no HTML, link or image from hostile text', () => {
    const text = markdownText('<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![x](y)');
    expect(text).not.toMatch(/(^|[^\\])[<[\]]/);
    expect(text).not.toMatch(/(^|[^\\])!\\?\[/);
    expect(markdownText('a < b && c > d')).toBe('a &lt; b && c &gt; d');
    expect(markdownText('&amp; is not &')).toBe('&amp;amp; is not &');
  });
});

describe('JSON backup', () => {
  it('holds every field of every entry', () => {
    const entries = [entry({ tags: ['a'], note: 'n', status: 'read' })];
    const parsed = JSON.parse(toJsonBackup(entries, new Date('2026-11-26T00:00:00Z')));
    expect(parsed).toEqual({
      format: 'paperpeek-reading-list',
      version: 1,
      exportedAt: '2026-11-26T00:00:00.000Z',
      entries,
    });
  });
});
