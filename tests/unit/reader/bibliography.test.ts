/**
 * Finding a paper's bibliography entries from its citation links, in the project's fixture PDFs
 * (tests/fixtures/pdf, made by scripts/make-pdf-fixtures.sh from LaTeX with hyperref): natbib
 * numeric in two columns with an entry split across them, natbib author-year, biblatex, and one
 * without hyperref. PDF.js reads them here as the reader does.
 */
import { describe, expect, it } from 'vitest';
import { bibliographyEntries, citationKeyOf } from '@/lib/reader/bibliography';
import { referenceFacts } from '@/lib/reader/reference-text';
import { fixtureEntries } from '../../helpers/pdf';
import { linesOf, type TextLine } from '@/lib/reader/text-lines';

/** What each fixture's entries must say: the citation key, how the text starts, its facts. */
const EXPECTED = [
  ['brown2020language', 'Tom B. Brown', {}, 'Language models are few-shot learners'],
  [
    'khattak2023self',
    'Muhammad Uzair Khattak',
    { arxivId: '2307.06948' },
    'Self-regulating prompts',
  ],
  ['mishra2022cross', 'Swaroop Mishra', { arxivId: '2104.08773' }, 'Cross-task generalization'],
  ['vaswani2017attention', 'Ashish Vaswani', {}, 'Attention is all you need'],
  ['devlin2019bert', 'Jacob Devlin', { doi: '10.18653/v1/N19-1423' }, 'BERT: Pre-training'],
  ['nobody2019study', 'Pat Nobody', {}, 'A study of nothing in particular'],
  ['wang2022tame', 'Zhaoxuan Wang', { arxivId: '2210.03869' }, 'TAME: Task agnostic'],
  ['ye2023unified', 'Xiaoqing Ye', {}, 'A unified generative retriever'],
] as const;

describe.each([
  ['numeric-two-column', (n: number) => `[${n}] `, 8],
  ['author-year', () => '', 8],
  // Destinations with a top and no x (pdfview=FitH): the entry's column is found by its key.
  ['fith-two-column', () => '', 8],
])('the bibliography of %s', (name, label, count) => {
  it('has one entry per cited paper, each its own text and nothing of the next', async () => {
    const entries = await fixtureEntries(name);
    expect(entries).toHaveLength(count);
    EXPECTED.forEach(([key, start, facts, title], index) => {
      const entry = entries[index];
      expect(entry && citationKeyOf(entry.id)).toBe(key);
      expect(entry?.text.startsWith(`${label(index + 1)}${start}`), entry?.text).toBe(true);
      expect(referenceFacts(entry?.text ?? '')).toMatchObject(facts);
      expect(referenceFacts(entry?.text ?? '').titleCandidates[0]).toMatch(
        new RegExp(`^${title}`, 'i'),
      );
      // No entry runs into the next one.
      const next = EXPECTED[index + 1];
      if (next) expect(entry?.text).not.toContain(next[1]);
    });
  });
});

describe('the two-column fixture', () => {
  it('reads the entry that runs from the foot of one column to the top of the next in full', async () => {
    const entries = await fixtureEntries('numeric-two-column');
    expect(entries[1]?.text).toBe(
      '[2] Muhammad Uzair Khattak, Syed Talal Wasim, Muzammal Naseer, Salman Khan, Ming-Hsuan Yang, and Fahad Shahbaz Khan. Self-regulating prompts: Foundational model adaptation without forgetting. arXiv preprint arXiv:2307.06948, 2023.',
    );
  });
});

describe('the biblatex fixture', () => {
  it('finds `cite.0@key` destinations and reads quoted titles', async () => {
    const entries = await fixtureEntries('biblatex');
    expect(entries.map((entry) => citationKeyOf(entry.id))).toEqual([
      'brown2020language',
      'khattak2023self',
      'vaswani2017attention',
      'devlin2019bert',
      'nobody2019study',
    ]);
    expect(referenceFacts(entries[0]?.text ?? '').titleCandidates[0]).toBe(
      'Language Models are Few-Shot Learners',
    );
    expect(referenceFacts(entries[1]?.text ?? '').arxivId).toBe('2307.06948');
    expect(referenceFacts(entries[3]?.text ?? '').doi).toBe('10.18653/v1/N19-1423');
  });
});

describe('a PDF without hyperref', () => {
  it('has no citation links, so no entries (its arXiv ids are found in the text instead)', async () => {
    expect(await fixtureEntries('no-hyperref')).toEqual([]);
  });
});

/** Lines as a page would give them, top to bottom, 12 pt apart. */
function column(texts: string[], pageIndex = 0, columnIndex = 0, top = 700): TextLine[] {
  return texts.map((text, i) => ({
    pageIndex,
    column: columnIndex,
    x: 72,
    y: top - i * 12,
    size: 10,
    text,
  }));
}

describe('entries from destinations', () => {
  const lines = column([
    'References',
    '[1] A. Author. First paper title. In Venue, 2020.',
    '[2] B. Writer and C. Coauthor. Second paper',
    'title, continued. arXiv:2101.00001, 2021.',
    '[3] D. Last. Third. 2022.',
    '7',
  ]);

  it('takes a destination a line above its entry as that entry (the key’s name settles it)', () => {
    const entries = bibliographyEntries(lines, [
      // hyperref raises the anchor: this one is at the top of [1]'s line, not [2]'s.
      { id: 'cite.writer2021second', pageIndex: 0, x: 72, y: 700 - 12 + 10 },
      { id: 'cite.author2020first', pageIndex: 0, x: 72, y: 700 - 12 + 10 },
    ]);
    expect(entries.map((entry) => [citationKeyOf(entry.id), entry.text.slice(0, 6)])).toEqual([
      ['author2020first', '[1] A.'],
      ['writer2021second', '[2] B.'],
    ]);
  });

  it('ends the last entry at a new label or the page number, and joins what runs on', () => {
    const entries = bibliographyEntries(lines, [
      { id: 'cite.writer2021second', pageIndex: 0, x: 72, y: 700 - 24 + 9 },
    ]);
    expect(entries[0]?.text).toBe(
      '[2] B. Writer and C. Coauthor. Second paper title, continued. arXiv:2101.00001, 2021.',
    );
    const last = bibliographyEntries(lines, [
      { id: 'cite.last2022third', pageIndex: 0, x: 72, y: 700 - 48 + 9 },
    ]);
    expect(last[0]?.text).toBe('[3] D. Last. Third. 2022.');
  });

  it('ends an entry at the next numbered label, even one no citation link points to', () => {
    // MobileNetV3's [20] ran on into [21], an entry cited where hyperref made no link.
    const entries = bibliographyEntries(lines, [
      { id: 'cite.author2020first', pageIndex: 0, x: 72, y: 700 - 12 + 9 },
      { id: 'cite.last2022third', pageIndex: 0, x: 72, y: 700 - 48 + 9 },
    ]);
    expect(entries.map((entry) => entry.text)).toEqual([
      '[1] A. Author. First paper title. In Venue, 2020.',
      '[3] D. Last. Third. 2022.',
    ]);
  });

  it('ends the last entry where a wide gap starts what follows the bibliography', () => {
    // Zhu et al.'s last entry, then (after a photograph's height) the authors' biographies.
    const page = [
      ...column([
        '[51] ——, “Learning for new visual environments with limited labels,”',
        'arXiv preprint arXiv:1901.09079, 2019.',
      ]),
      ...column(
        ['Pengkai Zhu received the B.S. degree from', 'Tianjin University in 2015.'],
        0,
        0,
        600,
      ),
    ];
    const [entry] = bibliographyEntries(page, [
      { id: 'cite.zhu2019learning', pageIndex: 0, x: 72, y: 700 + 9 },
    ]);
    expect(entry?.text).toBe(
      '[51] ——, “Learning for new visual environments with limited labels,” arXiv preprint arXiv:1901.09079, 2019.',
    );
  });

  it('skips a destination on a page with no text where it points', () => {
    expect(bibliographyEntries(lines, [{ id: 'cite.x', pageIndex: 3, x: 0, y: 0 }])).toEqual([]);
  });
});

describe('lines of a page', () => {
  it('keeps two columns apart and reads the left one first', () => {
    const runs = [];
    for (let i = 0; i < 20; i += 1) {
      runs.push({ str: `left ${i}`, x: 72, y: 700 - i * 12, width: 200, height: 10 });
      runs.push({ str: `right ${i}`, x: 320, y: 700 - i * 12, width: 200, height: 10 });
    }
    const lines = linesOf({ pageIndex: 0, width: 612, runs });
    expect(lines.map((line) => line.text).slice(18, 22)).toEqual([
      'left 18',
      'left 19',
      'right 0',
      'right 1',
    ]);
  });

  it('puts a superscript on its line and a space where PDF.js wrote none', () => {
    const lines = linesOf({
      pageIndex: 0,
      width: 612,
      runs: [
        { str: 'Attention', x: 72, y: 700, width: 40, height: 10 },
        { str: '1', x: 112, y: 703, width: 4, height: 7 },
        { str: 'is all', x: 122, y: 700, width: 25, height: 10 },
      ],
    });
    expect(lines.map((line) => line.text)).toEqual(['Attention1 is all']);
  });
});

describe('the 40-page two-column fixture', () => {
  it('has 80 entries, each its own and in order', async () => {
    const entries = await fixtureEntries('long-two-column');
    expect(entries).toHaveLength(80);
    entries.forEach((entry, index) => {
      expect(citationKeyOf(entry.id)).toBe(`ref${String(index).padStart(2, '0')}`);
      expect(entry.text.startsWith(`[${index + 1}] `)).toBe(true);
      // One entry's text never holds the next one's label.
      expect(entry.text).not.toContain(`[${index + 2}] `);
    });
  });
});
