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

async function panelWith(searchRecord: SearchRecord, container: Element) {
  await act(() =>
    render(
      <SearchPanel
        record={searchRecord}
        complete
        savedIds={new Set()}
        rowsFor={rowsFor}
        open={() => undefined}
        save={async () => undefined}
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
