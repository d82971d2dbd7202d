import { describe, expect, it } from 'vitest';
import type { ReadingListEntry } from '@/lib/db';
import { readingEntry } from '../../helpers/digests';
import { toJsonBackup } from '@/lib/reading-list/export';
import { importBackup, importEntries, parseBackup } from '@/lib/reading-list/import';
import { databasePerTest, snapshot } from '../../helpers/db';

const entry = (overrides: Partial<ReadingListEntry> = {}): ReadingListEntry =>
  readingEntry({ tags: ['llm'], note: 'local note', ...overrides });
function parseEntries(text: string): ReadingListEntry[] {
  const parsed = parseBackup(text);
  if ('problems' in parsed) throw new Error(parsed.problems.join(' '));
  return parsed.entries;
}
const backup = (entries: unknown[]) =>
  JSON.stringify({ format: 'paperpeek-reading-list', version: 1, entries });

describe('importing a reading-list backup', () => {
  const db = databasePerTest();

  it('round-trips an export exactly', async () => {
    const entries = [
      entry(),
      entry({ paperId: 'my-slug', arxivId: undefined, title: 'Mine', note: 'line 1\nline 2' }),
    ];
    expect(await importEntries(db, parseEntries(toJsonBackup(entries, new Date())), 77)).toEqual({
      ok: true,
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    // Everything the user sees is as exported; for sync the entries count as added at import.
    const imported = await db.readingList.orderBy('paperId').toArray();
    expect(imported.map(({ clock: _clock, ...rest }) => rest)).toEqual([entries[0], entries[1]]);
    expect(imported.map((row) => row.clock)).toEqual([{ present: 77 }, { present: 77 }]);
  });

  it('merges by paper id without losing a local note or tag, and never deletes', async () => {
    await db.readingList.bulkPut([
      entry(),
      entry({ paperId: '2101.00001', arxivId: '2101.00001', title: 'Keep me' }),
    ]);
    const result = await importBackup(
      db,
      backup([
        entry({ tags: ['classic'], status: 'read', note: 'imported note' }),
        entry({ paperId: '2307.06948', arxivId: '2307.06948', title: 'New one', note: '' }),
      ]),
    );
    expect(result).toEqual({ ok: true, added: 1, updated: 1, unchanged: 0 });
    expect(await db.readingList.get('2005.14165')).toMatchObject({
      tags: ['llm', 'classic'],
      status: 'read',
      note: 'local note',
    });
    expect(await db.readingList.get('2101.00001')).toBeDefined();
    expect(await importBackup(db, backup([entry({ tags: ['classic'] })]))).toMatchObject({
      unchanged: 1,
      updated: 0,
    });
  });

  it.each([
    ['not JSON', '{oops', 'not JSON'],
    [
      'another format',
      JSON.stringify({ format: 'x', version: 1, entries: [] }),
      'not a PaperPeek reading-list backup',
    ],
    [
      'a newer version',
      JSON.stringify({ format: 'paperpeek-reading-list', version: 2, entries: [] }),
      'newer PaperPeek',
    ],
    [
      'a bad paper id',
      backup([entry({ paperId: '../../etc' })]),
      'entries[0].paperId: not a paper id',
    ],
    ['a missing title', backup([entry({ title: '' })]), 'entries[0].title: missing'],
    ['a bad status', backup([{ ...entry(), status: 'maybe' }]), 'entries[0].status'],
    ['a duplicate', backup([entry(), entry()]), 'appears twice'],
  ])('rejects %s and changes nothing', async (_name, text, problem) => {
    await db.readingList.put(entry());
    const before = await snapshot(db);
    const result = await importBackup(db, text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.join('\n')).toContain(problem);
    expect(await snapshot(db)).toBe(before);
  });

  it('rejects unsafe links and bad repos instead of importing them', async () => {
    const result = await importBackup(
      db,
      backup([entry({ links: ['javascript:alert(1)'], repos: ['topics/x'] })]),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      'entries[0].repos[0]: not valid',
      'entries[0].links[0]: not valid',
    ]);
    expect(await db.readingList.count()).toBe(0);
  });
});
