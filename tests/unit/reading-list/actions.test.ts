import { describe, expect, it } from 'vitest';
import { clearReadingList, exportFile, importBackupText } from '@/lib/reading-list/actions';
import { toJsonBackup } from '@/lib/reading-list/export';
import { listEntries } from '@/lib/reading-list/store';
import { databasePerTest } from '../../helpers/db';
import { readingEntry } from '../../helpers/digests';

describe('reading-list actions shared by the popup and the options page', () => {
  const db = databasePerTest();
  const entries = [readingEntry(), readingEntry({ paperId: '2307.06948', arxivId: '2307.06948' })];

  it.each([
    ['bibtex', 'paperpeek-reading-list.bib', 'application/x-bibtex', '@misc{brown2020language,'],
    ['markdown', 'paperpeek-reading-list.md', 'text/markdown', '- ['],
    [
      'json',
      'paperpeek-reading-list.json',
      'application/json',
      '"format": "paperpeek-reading-list"',
    ],
  ] as const)('exports %s as %s (%s)', (format, name, type, contains) => {
    const file = exportFile(entries, format, new Date(0));
    expect(file.name).toBe(name);
    expect(file.type).toBe(type);
    expect(file.text).toContain(contains);
  });

  it('says what an import added, updated and left unchanged', async () => {
    await db.readingList.add(readingEntry());
    const backup = toJsonBackup(entries, new Date(0));
    expect(await importBackupText(db, backup)).toEqual({
      ok: true,
      message: 'Imported: 1 added, 0 updated, 1 unchanged.',
    });
    expect(await db.readingList.count()).toBe(2);
  });

  it('says why nothing was imported, and changes nothing', async () => {
    await db.readingList.add(readingEntry());
    const outcome = await importBackupText(db, '{"format":"something else"}');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Nothing was imported\. This is not a PaperPeek/);
    expect(await listEntries(db)).toEqual([readingEntry()]);
  });

  it('clears the list with one removal record per entry, for sync', async () => {
    await db.readingList.bulkAdd(entries);
    expect(await clearReadingList(db)).toBe(2);
    expect(await db.readingList.count()).toBe(0);
    expect(
      (await db.readingListRemovals.toArray()).map((removal) => removal.paperId).sort(),
    ).toEqual(['2005.14165', '2307.06948']);
  });
});
