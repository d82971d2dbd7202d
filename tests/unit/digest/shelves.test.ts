import { describe, expect, it } from 'vitest';
import { SHELF_SIZE, type PaperRow } from '@/lib/db';
import { applyPapers } from '@/lib/digest/apply';
import {
  changePaperRows,
  countPapers,
  getPaperRow,
  getPaperRows,
  papersWithRepos,
} from '@/lib/digest/shelves';
import { databasePerTest, putPaperRows, storedPapers } from '../../helpers/db';
import { paper } from '../../helpers/digests';
import { generatePapers } from '../../helpers/generate-papers';

const row = (id: string, repos: string[] = []): PaperRow => ({
  ...paper({ id, arxivId: id, title: `Paper ${id}`, repos }),
  sourceId: 'test',
});

describe('papers on shelves', () => {
  const db = databasePerTest();

  it('are found by id in the order asked, a missing one as undefined', async () => {
    await putPaperRows(db, [row('2401.00001'), row('2401.00002'), row('2401.00003')]);
    const rows = await getPaperRows(db, ['2401.00003', 'nope', '2401.00001', '2401.00003']);
    expect(rows.map((found) => found?.id)).toEqual([
      '2401.00003',
      undefined,
      '2401.00001',
      '2401.00003',
    ]);
    expect((await getPaperRow(db, '2401.00002'))?.title).toBe('Paper 2401.00002');
    expect(await getPaperRow(db, 'nope')).toBeUndefined();
    expect(await getPaperRows(db, [])).toEqual([]);
  });

  it('are read once per shelf however many of their papers are asked for', async () => {
    const rows = Array.from({ length: SHELF_SIZE + 10 }, (_, i) =>
      row(`2401.${String(i).padStart(5, '0')}`, ['same/repo']),
    );
    await putPaperRows(db, rows);
    let shelvesRead = 0;
    const reading = (shelf: unknown) => {
      shelvesRead += 1;
      return shelf;
    };
    db.shelves.hook('reading', reading);
    try {
      expect(
        await getPaperRows(
          db,
          rows.map((one) => one.id),
        ),
      ).toHaveLength(rows.length);
      expect(shelvesRead).toBe(2);
      shelvesRead = 0;
      expect(await papersWithRepos(db, ['same/repo'])).toHaveLength(rows.length);
      expect(shelvesRead).toBe(2);
    } finally {
      db.shelves.hook('reading').unsubscribe(reading);
    }
  });

  it('are found by repo: only the papers with it, not their shelf-mates', async () => {
    await putPaperRows(db, [
      row('2401.00001', ['a/one']),
      row('2401.00002', ['b/two']),
      row('2401.00003', ['a/one', 'c/three']),
    ]);
    const ids = (await papersWithRepos(db, ['a/one'])).map((found) => found.id).sort();
    expect(ids).toEqual(['2401.00001', '2401.00003']);
    expect(await papersWithRepos(db, ['z/none'])).toEqual([]);
  });

  it('hold SHELF_SIZE papers each, and are counted by paper', async () => {
    const rows = Array.from({ length: SHELF_SIZE * 2 + 3 }, (_, i) =>
      row(`2401.${String(i).padStart(5, '0')}`),
    );
    await putPaperRows(db, rows);
    expect(await db.shelves.count()).toBe(3);
    expect(await countPapers(db)).toBe(rows.length);
  });

  it('change in place: a stored paper replaced keeps its shelf, no shelf is added', async () => {
    await putPaperRows(db, [row('2401.00001'), row('2401.00002')]);
    await putPaperRows(db, [{ ...row('2401.00002'), title: 'Renamed' }, row('2401.00009')]);
    expect(await db.shelves.count()).toBe(2);
    const changed = await changePaperRows(db, ['2401.00001', 'nope'], (stored) => ({
      ...stored,
      authors: ['Ada Lovelace'],
    }));
    expect(changed).toBe(1);
    expect((await getPaperRow(db, '2401.00001'))?.authors).toEqual(['Ada Lovelace']);
    expect((await getPaperRow(db, '2401.00002'))?.title).toBe('Renamed');
    expect(await db.shelves.count()).toBe(2);
  });
});

describe('an apply on shelves', () => {
  const db = databasePerTest();
  const noPause = async () => undefined;

  it('updates stored papers in place and puts only new ones on new shelves', async () => {
    const papers = generatePapers(SHELF_SIZE * 4);
    await applyPapers(db, papers, { sourceId: 'feed', mode: 'accumulate', pause: noPause });
    expect(await db.shelves.count()).toBe(4);
    const changed = papers.slice(0, 10).map((one) => ({ ...one, title: `${one.title} (v2)` }));
    const added = generatePapers(3, 99).map((one, i) => ({ ...one, id: `new-${i}` }));
    await applyPapers(db, [...changed, ...added], {
      sourceId: 'feed',
      mode: 'accumulate',
      pause: noPause,
    });
    expect(await db.shelves.count()).toBe(5);
    expect(await countPapers(db)).toBe(papers.length + 3);
    expect((await getPaperRow(db, changed[3]?.id ?? ''))?.title).toMatch(/\(v2\)$/);
  });

  it('removes a replaced source’s papers from their shelves and drops emptied shelves', async () => {
    const mine = generatePapers(SHELF_SIZE + 5);
    await applyPapers(db, mine, { sourceId: 'mine', mode: 'replace', pause: noPause });
    await applyPapers(db, [paper({ id: 'other' })], {
      sourceId: 'other',
      mode: 'replace',
      pause: noPause,
    });
    await applyPapers(db, mine.slice(0, 2), { sourceId: 'mine', mode: 'replace', pause: noPause });
    expect((await storedPapers(db)).map((found) => found.id).sort()).toEqual(
      [mine[0]?.id, mine[1]?.id, 'other'].sort(),
    );
    expect(await db.shelves.count()).toBe(2);
  });

  it('keeps a change made to a shelf while it was planning (a details fill-in)', async () => {
    const papers = generatePapers(SHELF_SIZE);
    await applyPapers(db, papers, { sourceId: 'feed', mode: 'accumulate', pause: noPause });
    const [updated, neighbour] = papers;
    if (!updated || !neighbour) throw new Error('no papers');
    let filledIn = false;
    // The first pause comes after the stored papers were read: another writer changes the
    // shelf of the paper this apply updates.
    const pause = async () => {
      if (filledIn) return;
      filledIn = true;
      await changePaperRows(db, [neighbour.id], (stored) => ({
        ...stored,
        doi: '10.1000/filled-in',
      }));
    };
    await applyPapers(db, [{ ...updated, title: 'Updated' }], {
      sourceId: 'feed',
      mode: 'accumulate',
      pause,
    });
    expect((await getPaperRow(db, updated.id))?.title).toBe('Updated');
    expect((await getPaperRow(db, neighbour.id))?.doi).toBe('10.1000/filled-in');
  });
});
