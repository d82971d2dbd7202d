/**
 * The popup's search panel while the authors of the record are still on their way (they are a
 * row of their own, read once search is ready): everything but the `author:` filter answers, and
 * that filter shows the list busy rather than "no paper matches".
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SearchPanel } from '@/components/SearchPanel';
import type { PaperRow } from '@/lib/db';
import { buildSearchRecord, type SearchRecord } from '@/lib/search/record';
import { generatePapers } from '../../helpers/generate-papers';

const { document, Event: DomEvent } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { document });

const papers = generatePapers(200, 3);
const record = buildSearchRecord(papers, 's');
const { authors: _authors, ...withoutAuthors } = record;
const rowsById = new Map(papers.map((paper) => [paper.id, { ...paper, sourceId: 'test' }]));
const rowsFor = async (ids: string[]) =>
  new Map(
    ids.flatMap((id): [string, PaperRow][] => {
      const row = rowsById.get(id);
      return row ? [[id, row]] : [];
    }),
  );
const surname = papers[0]?.authors[0]?.split(' ')[1] ?? '';
const byThatAuthor = papers.filter((paper) =>
  paper.authors.some((name) => name.toLowerCase().includes(surname.toLowerCase())),
);

async function panelWith(
  searchRecord: SearchRecord,
  container: Element,
  paperOfLink?: (key: string) => Promise<string | null>,
) {
  await act(() =>
    render(
      <SearchPanel
        paperOfLink={paperOfLink}
        record={searchRecord}
        complete
        savedIds={new Set()}
        rowsFor={rowsFor}
        open={() => undefined}
        saveToZotero={async () => ({ ok: true, saved: 1, message: 'Saved to Zotero.' })}
        copyCitation={async () => 'APA'}
        save={async () => undefined}
        openSettings={() => undefined}
      />,
      container,
    ),
  );
}

async function type(container: Element, text: string) {
  const box = container.querySelector('input[type=search]') as HTMLInputElement;
  box.value = text;
  await act(() => {
    box.dispatchEvent(new DomEvent('input'));
  });
  // The rows of the results on screen arrive after the render.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const listBusy = (container: Element) =>
  container.querySelector('[role=listbox]')?.getAttribute('aria-busy');
const options = (container: Element) => [...container.querySelectorAll('[role=option]')];

describe('search before the authors have arrived', () => {
  it('finds papers by words, and shows their authors from the rows on screen', async () => {
    const container = document.createElement('div');
    await panelWith(withoutAuthors, container);
    const title = papers[5]?.title ?? '';
    await type(container, title.split(' ').slice(0, 4).join(' '));
    expect(listBusy(container)).toBe('false');
    const first = options(container)[0];
    expect(first?.textContent).toContain(title);
    expect(first?.querySelector('.result__meta')?.textContent).toContain(
      papers[5]?.authors.join(', '),
    );
  });

  it('keeps the list busy for the author filter, then answers it when they arrive', async () => {
    expect(byThatAuthor.length).toBeGreaterThan(0);
    const container = document.createElement('div');
    await panelWith(withoutAuthors, container);
    await type(container, `a:${surname}`);
    expect(listBusy(container)).toBe('true');
    expect(container.textContent).not.toContain('No paper matches');

    await panelWith(record, container);
    expect(listBusy(container)).toBe('false');
    const found = options(container).map((option) => option.id);
    expect(found.length).toBe(Math.min(byThatAuthor.length, 30));
    expect(options(container)[0]?.querySelector('.result__meta')?.textContent).toContain(surname);
  });
});

/** A key pressed in the search box, as the browser dispatches it. */
async function press(container: Element, key: string, init: { altKey?: boolean; code?: string }) {
  const box = container.querySelector('input[type=search]') as HTMLInputElement;
  const event = new DomEvent('keydown');
  Object.assign(event, { key, altKey: init.altKey ?? false, code: init.code ?? '' });
  Object.defineProperty(event, 'preventDefault', { value: () => undefined });
  await act(() => {
    box.dispatchEvent(event);
  });
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const activeOption = (container: Element) =>
  options(container).findIndex((option) => option.getAttribute('aria-selected') === 'true');

describe('saving from the keyboard', () => {
  it('keeps the highlight on the saved paper while the list is drawn again', async () => {
    const container = document.createElement('div');
    const saved: string[] = [];
    // As the popup does: a save changes the saved papers, and the panel is drawn with them.
    const draw = () =>
      act(() =>
        render(
          <SearchPanel
            record={record}
            complete
            savedIds={new Set(saved)}
            rowsFor={rowsFor}
            open={() => undefined}
            saveToZotero={async () => ({ ok: true, saved: 1, message: 'Saved to Zotero.' })}
            copyCitation={async () => 'APA'}
            save={async (id) => {
              saved.push(id);
              await draw();
            }}
            openSettings={() => undefined}
          />,
          container,
        ),
      );
    await draw();
    await type(container, 'learning');
    expect(options(container).length).toBeGreaterThan(5);
    for (let i = 0; i < 3; i += 1) await press(container, 'ArrowDown', {});
    const chosen = options(container)[3]?.id;
    await press(container, 's', { altKey: true, code: 'KeyS' });
    expect(saved).toHaveLength(1);
    expect(activeOption(container)).toBe(3);
    expect(options(container)[3]?.id).toBe(chosen);
    // A second Alt+S is about the same paper, never the first row's.
    await press(container, 's', { altKey: true, code: 'KeyS' });
    expect(saved).toHaveLength(1);
    expect(container.querySelector('[role=status]')?.textContent).toMatch(
      /^Already in your reading list: “/,
    );
    await press(container, 'ArrowDown', {});
    await press(container, 's', { altKey: true, code: 'KeyS' });
    expect(saved).toHaveLength(2);
    expect(activeOption(container)).toBe(4);
  });

  it('starts a new query at its first result', async () => {
    const container = document.createElement('div');
    await panelWith(record, container);
    await type(container, 'learning');
    await press(container, 'ArrowDown', {});
    await press(container, 'ArrowDown', {});
    expect(activeOption(container)).toBe(2);
    await type(container, 'neural');
    expect(activeOption(container)).toBe(0);
  });
});

describe('citing and Zotero from the keyboard', () => {
  it('Alt+C and Alt+Z act on the highlighted paper and say what came of it', async () => {
    const container = document.createElement('div');
    const cited: string[] = [];
    const sent: string[][] = [];
    let zotero: { ok: boolean; message: string } = { ok: true, message: 'Saved to Zotero.' };
    await act(() =>
      render(
        <SearchPanel
          record={record}
          complete
          savedIds={new Set()}
          rowsFor={rowsFor}
          open={() => undefined}
          save={async () => undefined}
          saveToZotero={async (ids) => {
            sent.push(ids);
            return zotero.ok
              ? { ok: true, saved: 1, message: zotero.message }
              : { ok: false, problem: 'not-running', message: zotero.message };
          }}
          copyCitation={async (id) => {
            cited.push(id);
            return 'IEEE';
          }}
          openSettings={() => undefined}
        />,
        container,
      ),
    );
    await type(container, 'learning');
    await press(container, 'ArrowDown', {});
    const id = options(container)[1]?.id.replace(/^result-/, '');
    const hit = record.ids.at(Number(id));
    await press(container, 'c', { altKey: true, code: 'KeyC' });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(cited).toEqual([hit]);
    expect(container.querySelector('[role=status]')?.textContent).toMatch(
      /^Citation copied \(IEEE\): “/,
    );
    await press(container, 'z', { altKey: true, code: 'KeyZ' });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(sent).toEqual([[hit]]);
    expect(container.querySelector('[role=status]')?.textContent).toMatch(/^Saved to Zotero: “/);
    // A refusal stays on screen as an error until the next action.
    zotero = { ok: false, message: 'Start Zotero to save there.' };
    await press(container, 'z', { altKey: true, code: 'KeyZ' });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(container.querySelector('[role=alert]')?.textContent).toBe(
      'Start Zotero to save there.',
    );
    expect(activeOption(container)).toBe(1);
  });
});

describe('what the panel says', () => {
  it('counts one result in the singular', async () => {
    const container = document.createElement('div');
    await panelWith(record, container);
    await type(container, papers[7]?.id ?? '');
    expect(options(container)).toHaveLength(1);
    expect(container.querySelector('.search__count')?.firstChild?.textContent).toBe('1 result');
  });

  it('says when a: cannot find papers whose authors are not known yet, and how they get them', async () => {
    const partly = buildSearchRecord(
      papers.map((paper, index) => (index < 40 ? { ...paper, authors: [] } : paper)),
      's',
    );
    const container = document.createElement('div');
    await panelWith(partly, container);
    await type(container, 'a:nobodyatall');
    expect(container.textContent).toContain(
      '40 of 200 papers in your digest have no author names yet, so a: cannot find them.',
    );
    expect(container.textContent).not.toContain('Try fewer words');
    await type(container, 'learning');
    expect(container.textContent).not.toContain('no author names');
  });
});

describe('a venue link pasted into search', () => {
  const target = papers[7] as (typeof papers)[number];

  it('shows the paper the worker says the link names, and only it', async () => {
    const asked: string[] = [];
    const container = document.createElement('div');
    await panelWith(record, container, async (key) => {
      asked.push(key);
      return target.id;
    });
    await type(container, 'https://aclanthology.org/N19-1423/');
    expect(asked).toEqual(['acl:N19-1423']);
    expect(options(container).map((option) => option.textContent)).toEqual([
      expect.stringContaining(target.title),
    ]);
    expect(listBusy(container)).toBe('false');
  });

  it('is busy while the worker is asked, then says no digest paper has the link', async () => {
    let answer: (paperId: string | null) => void = () => undefined;
    const container = document.createElement('div');
    await panelWith(record, container, () => new Promise((resolve) => (answer = resolve)));
    await type(container, 'https://openreview.net/forum?id=YicbFdNTTy');
    expect(listBusy(container)).toBe('true');
    expect(container.textContent).not.toContain('No paper');
    await act(async () => {
      answer(null);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(listBusy(container)).toBe('false');
    expect(options(container)).toEqual([]);
    expect(container.textContent).toContain('No paper in your digest has this link.');
  });
});
