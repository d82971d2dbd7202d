/**
 * Citations in each style PaperPeek offers, for a table of papers (an arXiv preprint, a
 * conference paper, a journal article, names with TeX accents, non-Latin scripts and suffixes),
 * compared with citeproc-js's own output for the same official style and items: PaperPeek's
 * citations are the style's, not an imitation of it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import CSL from 'citeproc';
import { describe, expect, it } from 'vitest';
import { formatCitationItems } from '@/lib/citations/format';
import { citationItems } from '@/lib/citations/items';
import { CITATION_STYLES, type CitationStyleId } from '@/lib/citations/styles';
import type { CitedEntry } from '@/lib/reading-list/export';
import { readingEntry } from '../../helpers/digests';

/** The entries' bibliography, as the popup's Copy citation formats it. */
const formatCitations = (entries: CitedEntry[], style: CitationStyleId) =>
  formatCitationItems(citationItems(entries), style);

const FILES: Record<CitationStyleId, string> = {
  apa: 'apa.csl',
  ieee: 'ieee.csl',
  acl: 'association-for-computational-linguistics.csl',
  acm: 'association-for-computing-machinery.csl',
  chicago: 'chicago-author-date.csl',
  mla: 'modern-language-association.csl',
  harvard: 'harvard-cite-them-right.csl',
  vancouver: 'nlm-citation-sequence.csl',
  nature: 'nature.csl',
};
const styleFile = (id: CitationStyleId) =>
  readFileSync(resolve(import.meta.dirname, '../../../assets/csl', FILES[id]), 'utf8');
const locale = readFileSync(
  resolve(import.meta.dirname, '../../../node_modules/@citation-js/plugin-csl/lib/locales.json'),
  'utf8',
);
const enUS = (JSON.parse(locale) as Record<string, string>)['en-US'] ?? '';

const entry = (overrides: Partial<CitedEntry>): CitedEntry => ({ ...readingEntry(), ...overrides });
const entries: CitedEntry[] = [
  entry({
    paperId: '2307.06948',
    arxivId: '2307.06948',
    title: 'Self-regulating Prompts: Foundational Model Adaptation without Forgetting',
    authors: ['Muhammad Uzair Khattak', 'Syed Talal Wasim', 'Muzammal Naseer'],
    publishedAt: '2023-07-13T00:00:00Z',
    primaryCategory: 'cs.CV',
    note: 'My private note',
  }),
  entry({
    paperId: '1810.04805',
    arxivId: '1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    venue: { name: 'NAACL 2019', year: 2019, kind: 'proceedings' },
    doi: '10.18653/v1/N19-1423',
  }),
  entry({
    paperId: 'doi:10.1038/nature14539',
    title: 'Deep learning',
    authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
    venue: { name: 'Nature', year: 2015, kind: 'journal' },
    doi: '10.1038/nature14539',
  }),
  entry({
    paperId: '2104.06486',
    arxivId: '2104.06486',
    title: 'Ein Modell für Übersetzung',
    authors: ['Jan Kudláček', '王小明', 'Martin Luther King Jr.'],
    publishedAt: '2021-04-13T00:00:00Z',
  }),
];
const items = citationItems(entries);

/** citeproc-js on its own: the style's bibliography for the items, as the CSL project runs it. */
function citeproc(style: string, format: 'html' | 'text'): string {
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine(
    { retrieveLocale: () => enUS, retrieveItem: (id) => byId.get(id) },
    style,
    'en-US',
    true,
  );
  engine.setOutputFormat(format);
  engine.updateItems(items.map((item) => item.id));
  const [meta, body] = engine.makeBibliography();
  return meta.bibstart + body.join('') + meta.bibend;
}

/** citation-js marks each HTML entry with its item's id; citeproc does not. */
const withoutEntryIds = (html: string) => html.replace(/ data-csl-entry-id="[^"]*"/g, '');

describe('citations in each style', () => {
  it.each(CITATION_STYLES.map((style) => [style.label, style.id] as const))(
    '%s: the same bibliography citeproc-js makes with the official style',
    async (_, id) => {
      const formatted = await formatCitations(entries, id);
      const xml = styleFile(id);
      expect(formatted.text).toBe(citeproc(xml, 'text').trim());
      expect(withoutEntryIds(formatted.html)).toBe(citeproc(xml, 'html'));
      // Every paper is in it, and the user's private note never is.
      for (const surname of ['Khattak', 'Devlin', 'LeCun', 'Kudláček']) {
        expect(formatted.text).toContain(surname);
      }
      expect(formatted.text).not.toContain('private note');
      expect(formatted.text).not.toMatch(/Preprint \[Cs/);
    },
    // The first use of a style compiles it: Chicago's 164 KB take seconds on a busy machine.
    30_000,
  );

  it('formats as each style does: numbered, author-date, by name', async () => {
    const one = entries.slice(1, 2);
    expect((await formatCitations(one, 'ieee')).text).toMatch(/^\[1\]\s*J\. Devlin, M\.-W\. Chang/);
    expect((await formatCitations(one, 'apa')).text).toMatch(
      /^Devlin, J\., Chang, M\.-W\., Lee, K\., & Toutanova, K\. \(2019\)\./,
    );
    expect((await formatCitations(one, 'mla')).text).toMatch(/^Devlin, Jacob, et al\./);
    expect((await formatCitations(one, 'vancouver')).text).toMatch(/^1\.\s*Devlin J, Chang MW/);
  });
});
