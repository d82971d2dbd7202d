import { describe, expect, it } from 'vitest';
import type { ReadingListEntry } from '@/lib/db';
import { readingEntry } from '../../helpers/digests';
import {
  bibtexText,
  citationKey,
  markdownText,
  toBibTeX,
  toJsonBackup,
  toMarkdown,
} from '@/lib/reading-list/export';

const entry = (overrides: Partial<ReadingListEntry> = {}): ReadingListEntry =>
  readingEntry({ authors: ['Tom B. Brown', 'Benjamin Mann'], ...overrides });

describe('BibTeX', () => {
  it('writes an @misc entry with eprint, archivePrefix and url', () => {
    expect(toBibTeX([entry()])).toBe(
      '@misc{brown2020language,\n' +
        '  title = {{Language Models are Few-Shot Learners}},\n' +
        '  author = {Tom B. Brown and Benjamin Mann},\n' +
        '  year = {2020},\n' +
        '  eprint = {2005.14165},\n' +
        '  archivePrefix = {arXiv},\n' +
        '  url = {https://arxiv.org/abs/2005.14165}\n' +
        '}\n',
    );
  });

  it.each([
    [{}, 'brown2020language'],
    [
      { title: 'On the Provable Advantage of Pretraining', arxivId: '2303.01566' },
      'brown2023provable',
    ],
    [{ authors: ['José Müller-Ñúñez'] }, 'mullernunez2020language'],
    [{ authors: [] }, 'anon2020language'],
    [{ arxivId: undefined }, 'brownlanguage'],
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
  ])('escapes %s', (input, output) => expect(bibtexText(input)).toBe(output));

  it('cannot be broken out of by a hostile title or note', () => {
    const bib = toBibTeX([
      entry({ title: 'x}}, note = {pwned', note: '}\n@misc{evil, title={x}' }),
    ]);
    expect(bib.match(/@misc\{/g)).toHaveLength(1);
    // Every brace the fields add is balanced and escaped ones are not counted.
    const bare = bib.replace(/\\[{}]/g, '');
    expect(bare.split('{').length).toBe(bare.split('}').length);
    expect(bib).toContain('title = {{x\\}\\}, note = \\{pwned}}');
  });
});

describe('Markdown', () => {
  it('lists entries with a checkbox, link, authors, code, tags and note', () => {
    expect(
      toMarkdown([
        entry({ status: 'read', repos: ['openai/gpt-3'], tags: ['llm'], note: 'Read §3.' }),
      ]),
    ).toBe(
      '# Reading list\n\n' +
        '- [x] [Language Models are Few\\-Shot Learners](<https://arxiv.org/abs/2005.14165>)\n' +
        '  Tom B\\. Brown, Benjamin Mann\n' +
        '  Code: [openai/gpt\\-3](<https://github.com/openai/gpt-3>)\n' +
        '  Tags: llm\n' +
        '  > Read §3\\.\n',
    );
  });

  it('renders no HTML, link or image from hostile text', () => {
    const text = markdownText('<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![x](y)');
    expect(text).not.toMatch(/(^|[^\\])[<[\]()!]/);
    expect(markdownText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
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
