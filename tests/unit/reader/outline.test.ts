/** The reader's outline: a fixture's bookmarks as PDF.js reads them, and outlines that lie. */
import { describe, expect, it } from 'vitest';
import { outlineEntries } from '@/lib/reader/outline';
import { withFixturePdf } from '../../helpers/pdf';

describe('a PDF’s outline', () => {
  it('lists the sections hyperref bookmarks, each with its place', async () => {
    const entries = await withFixturePdf('long-two-column', async (pdf) =>
      outlineEntries(await (pdf as unknown as { getOutline(): Promise<unknown> }).getOutline()),
    );
    expect(entries.length).toBeGreaterThan(1);
    expect(entries[0]).toMatchObject({ title: 'Part 1', dest: expect.anything() });
  });

  it('is empty for a PDF without one, and keeps only places in the document', () => {
    expect(outlineEntries(null)).toEqual([]);
    expect(
      outlineEntries([
        { title: 'Section 1', dest: 'section.1', items: [] },
        { title: 'A web page', dest: null, url: 'javascript:alert(1)', items: [] },
        { title: '', dest: 'section.2', items: [] },
        { title: '  Spaced\n title ', dest: [{ num: 5, gen: 0 }, { name: 'XYZ' }], items: 'no' },
        'not an item',
      ]),
    ).toEqual([
      { title: 'Section 1', dest: 'section.1', children: [] },
      { title: 'Spaced title', dest: [{ num: 5, gen: 0 }, { name: 'XYZ' }], children: [] },
    ]);
  });

  it('stops at a runaway depth', () => {
    let items: unknown[] = [];
    for (let i = 0; i < 50; i += 1) items = [{ title: `level ${i}`, dest: 'x', items }];
    let depth = 0;
    for (let entries = outlineEntries(items); entries.length; entries = entries[0]?.children ?? [])
      depth += 1;
    expect(depth).toBe(7);
  });
});
