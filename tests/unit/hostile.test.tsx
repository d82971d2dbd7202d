/**
 * The injection corpus (tests/fixtures/hostile/strings.ts) in every field of a digest, an arXiv
 * answer and a reading-list backup, rendered by the real components into a DOM (linkedom) and
 * written to every export format: nothing becomes markup, no element or `on*` attribute appears
 * that the component did not write, and every link the extension writes is https to an allowed
 * host, through the one allow-list helper.
 */
import { parseHTML } from 'linkedom';
import { render, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { HoverCard } from '@/lib/content/card/HoverCard';
import { ReadingListPanel } from '@/components/ReadingListPanel';
import { SearchPanel } from '@/components/SearchPanel';
import { SourcesSection } from '@/components/options/SourcesSection';
import { toCardView } from '@/lib/content/card/view';
import type { ReadingListEntry } from '@/lib/db';
import { validateDigest } from '@/lib/digest/schema';
import { toBibTeX, toJsonBackup, toMarkdown } from '@/lib/reading-list/export';
import { readBibTeX } from '../helpers/bibtex';
import { parseBackup } from '@/lib/reading-list/import';
import { safeHref } from '@/lib/safe-url';
import { buildSearchRecord } from '@/lib/search/record';
import { papersFromAtom } from '@/lib/sources/arxiv-api';
import { normaliseText } from '@/lib/text/normalise';
import { HOSTILE_STRINGS } from '../fixtures/hostile/strings';
import { digest, paper, readingEntry } from '../helpers/digests';

const { document, Event: DomEvent } = parseHTML('<!doctype html><html><body></body></html>');
// Preact creates elements through the global document.
Object.assign(globalThis, { document });

/** Renders a component and returns its container. */
function mount(vnode: VNode): Element {
  const container = document.createElement('div');
  render(vnode, container);
  return container;
}

const FORBIDDEN_ELEMENTS =
  /^(script|iframe|object|embed|svg|math|style|link|meta|base|frame|img|video|audio|source|template|marquee)$/;

/** Everything in the rendered tree that a component did not mean to write. */
function audit(root: Element): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (FORBIDDEN_ELEMENTS.test(element.localName)) problems.push(`<${element.localName}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (/^on/i.test(name)) problems.push(`${name} on <${element.localName}>`);
      if (/^(src|srcdoc|action|formaction|xlink:href|style)$/i.test(name)) problems.push(name);
      if (name === 'href' && (safeHref(value) !== value || !value.startsWith('https://'))) {
        problems.push(`href ${value.slice(0, 80)}`);
      }
    }
  }
  return problems;
}

const shape = (root: Element) =>
  Array.from(root.querySelectorAll('*'), (element) => element.localName).join(' ');

const noop = () => undefined;
const cardState = {
  expanded: true,
  menuOpen: true,
  pending: null,
  justSaved: true,
  retriedInVain: false,
  zotero: null,
  citation: null,
  error: null,
};
const cardHandlers = {
  save: noop,
  saveToZotero: noop,
  copyCitation: noop,
  retry: noop,
  undoSave: noop,
  openReadingList: noop,
  openSettings: noop,
  toggleExpanded: noop,
  toggleMenu: noop,
  disableSite: noop,
  turnOff: noop,
};

describe('the hostile corpus', () => {
  it('has at least 300 distinct strings', () => {
    expect(new Set(HOSTILE_STRINGS).size).toBeGreaterThanOrEqual(300);
  });
});

describe('hostile strings in a digest', () => {
  it.each(HOSTILE_STRINGS.map((text, index) => [index, text] as const))(
    '#%i in every text field renders as text in the hover card',
    (_index, text) => {
      const checked = validateDigest(
        digest([paper({ title: text, abstract: text, authors: [text, 'B. Author'] })], {
          source: text,
        }),
      );
      if (!checked.ok) {
        // Empty after cleaning: refused, with a reason, nothing stored.
        expect(checked.problems.join(' ')).toMatch(/empty|missing|expected/);
        return;
      }
      const [clean] = checked.digest.papers;
      if (!clean) throw new Error('no paper');
      const card = mount(
        <HoverCard view={toCardView(clean, false)} state={cardState} on={cardHandlers} />,
      );
      expect(audit(card)).toEqual([]);
      const benign = toCardView(
        { ...clean, title: 'T', abstract: 'x'.repeat(clean.abstract.length), authors: ['A', 'B'] },
        false,
      );
      expect(shape(card)).toBe(
        shape(mount(<HoverCard view={benign} state={cardState} on={cardHandlers} />)),
      );
    },
  );

  it.each(HOSTILE_STRINGS.map((text, index) => [index, text] as const))(
    '#%i as an id, a repo or a link is refused or made safe',
    (_index, text) => {
      const checked = validateDigest(digest([paper({ links: [text], repos: [text] })]));
      if (checked.ok) {
        const card = mount(
          <HoverCard
            view={toCardView(checked.digest.papers[0] ?? paper(), false)}
            state={cardState}
            on={cardHandlers}
          />,
        );
        expect(audit(card)).toEqual([]);
      } else {
        expect(checked.problems.length).toBeGreaterThan(0);
      }
      const byId = validateDigest(digest([paper({ id: text, arxivId: text })]));
      expect(byId.ok).toBe(false);
    },
  );
});

describe('hostile strings in the popup and the options page', () => {
  const papers = HOSTILE_STRINGS.map((text, index) =>
    paper({
      id: `2401.${String(index).padStart(5, '0')}`,
      arxivId: `2401.${String(index).padStart(5, '0')}`,
      title: normaliseText(text, 500) || 'empty',
      authors: [normaliseText(text, 200) || 'A'],
    }),
  );

  it('search results render titles and authors as text', () => {
    for (let start = 0; start < papers.length; start += 30) {
      const record = buildSearchRecord(papers.slice(start, start + 30));
      const panel = mount(
        <SearchPanel
          record={record}
          complete
          savedIds={new Set()}
          rowsFor={async () => new Map()}
          open={noop}
          saveToZotero={async () => ({ ok: true, saved: 1, message: 'Saved to Zotero.' })}
          copyCitation={async () => 'APA'}
          save={async () => undefined}
          openSettings={() => undefined}
        />,
      );
      expect(panel.querySelectorAll('[role=option]').length).toBe(record.ids.length);
      expect(audit(panel)).toEqual([]);
    }
  });

  it('reading-list entries render as text, their links through the allow-list', async () => {
    const entries: ReadingListEntry[] = HOSTILE_STRINGS.map((text, index) =>
      readingEntry({
        paperId: `2401.${String(index).padStart(5, '0')}`,
        title: text,
        authors: [text],
        note: text,
        tags: [text.slice(0, 50)],
        links: [text, `https://github.com/${text.replace(/[^a-z0-9]/gi, '')}`],
      }),
    );
    const panel = mount(
      <ReadingListPanel
        entries={entries}
        update={async () => undefined}
        updateMany={async () => undefined}
        remove={async () => undefined}
        undo={{ title: HOSTILE_STRINGS[0] ?? '', restore: async () => undefined }}
        exportAs={noop}
        importFile={async () => ({ ok: true, message: '' })}
        copyBibTeX={async () => undefined}
        saveToZotero={async () => ({ ok: true, saved: 1, message: 'Saved to Zotero.' })}
        citations={{ style: 'apa', setStyle: noop, copy: async () => undefined, prepare: noop }}
        readerAddressOf={() => null}
        sync={{ report: null, enabled: true, setEnabled: noop }}
      />,
    );
    // Every entry's details open too: the note and tags are the user's text and the file's.
    for (const more of panel.querySelectorAll('.entry__more'))
      more.dispatchEvent(new DomEvent('click'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const notes = panel.querySelectorAll('textarea');
    expect(notes.length).toBe(entries.length);
    expect(Array.from(notes, (note) => (note as HTMLTextAreaElement).value)).toEqual(
      entries.map((entry) => entry.note),
    );
    expect(audit(panel)).toEqual([]);
  });

  it('source errors and feed names on the options page render as text', () => {
    const sources = HOSTILE_STRINGS.map((text, index) => ({
      id: `feed:${text}`,
      paperCount: index,
      lastError: text,
      lastErrorAt: 2,
      lastSuccessAt: 1,
    }));
    const section = mount(
      <SourcesSection
        status={{ paperCount: 1, sources }}
        job={{
          label: HOSTILE_STRINGS[1] ?? '',
          sourceId: 'x',
          startedAt: 0,
          phase: 'writing',
          done: 1,
          total: 2,
        }}
        refresh={async () => []}
        now={3}
      />,
    );
    expect(audit(section)).toEqual([]);
    expect(section.querySelectorAll('li.source').length).toBe(sources.length);
  });
});

describe('hostile strings in an arXiv answer', () => {
  const escapeXml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  it.each(HOSTILE_STRINGS.map((text, index) => [index, text] as const))(
    '#%i comes out as the text it was',
    (_index, text) => {
      const xml = `<feed><entry><id>http://arxiv.org/abs/2401.00001v1</id><title>${escapeXml(text)}</title><summary>${escapeXml(text)} and more</summary><author><name>${escapeXml(text)}</name></author></entry></feed>`;
      const [found] = papersFromAtom(xml);
      const expected = normaliseText(text.replace(/\s+/g, ' ').trim(), 500);
      if (!expected) return expect(found).toBeUndefined();
      expect(found?.paper.title).toBe(expected);
      const card = mount(
        <HoverCard
          view={toCardView(found?.paper ?? paper(), false)}
          state={cardState}
          on={cardHandlers}
        />,
      );
      expect(audit(card)).toEqual([]);
    },
  );
});

describe('hostile strings in exports and backups', () => {
  const entries = HOSTILE_STRINGS.map((text, index) =>
    readingEntry({
      paperId: `2401.${String(index).padStart(5, '0')}`,
      arxivId: `2401.${String(index).padStart(5, '0')}`,
      title: text,
      authors: [text, 'Ada Lovelace'],
      note: text,
      tags: ['t'],
      links: [],
    }),
  );

  // A reference manager's parser reads each of the hostile strings: about 5 s on two cores, the
  // default time limit, so this test has its own.
  it(
    'BibTeX: one well-formed entry each, no TeX command from the text survives',
    {
      timeout: 30_000,
    },
    () => {
      for (const entry of entries) {
        const bib = toBibTeX([entry]);
        expect(bib.match(/^@/gm)).toHaveLength(1);
        // A reference manager's parser reads it as one entry with every author that is a name
        // (one of only spaces or control characters has nothing to print, and is left out).
        const { library } = readBibTeX(bib);
        expect(library.entries).toHaveLength(1);
        // eslint-disable-next-line no-control-regex
        const names = entry.authors.filter((name) => /[^\s\u0000-\u001f\u007f-\u009f]/.test(name));
        expect((library.entries[0]?.fields.author as unknown[] | undefined)?.length).toBe(
          names.length,
        );
        let depth = 0;
        let lowest = 0;
        for (let i = 0; i < bib.length; i += 1) {
          if (bib[i] === '\\')
            i += 1; // an escaped character
          else if (bib[i] === '{') depth += 1;
          else if (bib[i] === '}') lowest = Math.min(lowest, (depth -= 1));
        }
        expect([depth, lowest]).toEqual([0, 0]);
        expect(bib).not.toMatch(
          /\\(input|include|write|immediate|def|let|catcode|csname|openin|openout|read|special|usepackage|url|href)\b/,
        );
        expect(bib).not.toContain('^^');
      }
    },
  );

  it('keeps safe math and escapes math that hides commands', () => {
    const math = (title: string) => {
      const bib = toBibTeX([readingEntry({ title })]);
      expect(readBibTeX(bib).library.errors).toEqual([]);
      return bib;
    };
    expect(math('Scaling $\\alpha$ and $O(n^2)$')).toContain('{Scaling $\\alpha$ and $O(n^2)$}');
    expect(math('Oops $\\input /etc/passwd$')).not.toContain('\\input');
    expect(math('Oops $^^5cinput x$')).not.toContain('^^');
  });

  it('Markdown: no HTML and no link to anything but https', () => {
    const markdown = toMarkdown(entries);
    // Link destinations are written in angle brackets, `](<https://…>)`: the only `<` allowed.
    const destinations = [...markdown.matchAll(/\]\(<([^>]*)>\)/g)].map((match) => match[1]);
    expect(destinations.length).toBe(entries.length);
    for (const target of destinations) expect(target).toMatch(/^https:\/\/arxiv\.org\/abs\//);
    const prose = markdown.replace(/\]\(<[^>]*>\)/g, ']');
    expect(prose).not.toMatch(/<[a-z!/?]/i);
    expect(prose).not.toMatch(/\]\(/);
  });

  it('JSON: the backup reads back as exactly the entries that were exported', () => {
    const parsed = parseBackup(toJsonBackup(entries, new Date(0)));
    if ('problems' in parsed) {
      // Fields the importer refuses are named; nothing half-imported.
      expect(parsed.problems.length).toBeGreaterThan(0);
    } else {
      expect(parsed.entries.map((entry) => entry.paperId)).toEqual(
        entries.map((entry) => entry.paperId),
      );
    }
  });
});
