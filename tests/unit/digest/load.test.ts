import { describe, expect, it, vi } from 'vitest';
import type { ReadingListEntry } from '@/lib/db';
import { loadDigest } from '@/lib/digest/load';
import { databasePerTest, snapshot, storedIds } from '../../helpers/db';
import { digest, paper, readingEntry } from '../../helpers/digests';
import { MALFORMED_DIGESTS } from '../../helpers/malformed-digests';
import { getPaperRow, papersWithRepos } from '@/lib/digest/shelves';

const savedEntry: ReadingListEntry = readingEntry({
  addedAt: 1_700_000_000_000,
  tags: ['llm'],
  note: 'Read section 3 first.',
});

const first = digest([
  paper(),
  paper({
    id: '2307.06948',
    arxivId: '2307.06948',
    title: 'PromptSRC',
    repos: ['muzairkhattak/promptsrc'],
  }),
]);
const second = digest([
  paper({ title: 'GPT-3, renamed' }),
  paper({ id: '2401.00001', arxivId: '2401.00001', title: 'New' }),
]);

describe('loadDigest', () => {
  const db = databasePerTest();

  it('stores every paper of a valid digest and records the source', async () => {
    const result = await loadDigest(db, first, 'bundled', () => 42);
    expect(result).toMatchObject({ ok: true, changed: true, paperCount: 2 });
    expect(await getPaperRow(db, '2307.06948')).toMatchObject({
      title: 'PromptSRC',
      sourceId: 'bundled',
    });
    expect(await papersWithRepos(db, ['muzairkhattak/promptsrc']).then((rows) => rows.length)).toBe(
      1,
    );
    expect(await db.sources.get('bundled')).toMatchObject({
      paperCount: 2,
      lastSuccessAt: 42,
      generatedAt: first.generatedAt,
    });
  });

  it('is idempotent: loading the same digest again changes nothing', async () => {
    await loadDigest(db, first, 'bundled');
    const before = await snapshot(db);
    const again = await loadDigest(db, structuredClone(first), 'bundled');
    expect(again).toMatchObject({ ok: true, changed: false, paperCount: 2 });
    expect(await snapshot(db)).toBe(before);
  });

  it('replaces the source’s papers: updated rows change, dropped rows go, the reading list stays', async () => {
    await loadDigest(db, first, 'bundled');
    await db.readingList.put(savedEntry);
    await loadDigest(db, second, 'bundled');
    expect((await storedIds(db)).sort()).toEqual(['2005.14165', '2401.00001']);
    expect((await getPaperRow(db, '2005.14165'))?.title).toBe('GPT-3, renamed');
    expect(await db.readingList.toArray()).toEqual([savedEntry]);
  });

  it('leaves papers of other sources alone', async () => {
    await loadDigest(db, digest([paper({ id: 'other-paper', arxivId: undefined })]), 'import');
    await loadDigest(db, second, 'bundled');
    await loadDigest(db, first, 'bundled');
    expect(await getPaperRow(db, 'other-paper')).toBeDefined();
  });

  it.each(MALFORMED_DIGESTS)(
    'a rejected digest (%s) leaves the digest and reading list byte-identical',
    async (_name, bad) => {
      await loadDigest(db, first, 'bundled');
      await db.readingList.put(savedEntry);
      const before = await snapshot(db);
      const result = await loadDigest(db, bad, 'bundled', () => 7);
      expect(result.ok).toBe(false);
      expect(await snapshot(db)).toBe(before);
      expect(await db.sources.get('bundled')).toMatchObject({
        lastErrorAt: 7,
        lastError: expect.stringMatching(/^Invalid digest: /),
      });
    },
  );

  it('a write that fails half-way rolls back completely', async () => {
    await loadDigest(db, first, 'bundled');
    await db.readingList.put(savedEntry);
    const before = await snapshot(db);
    // bulkPut runs after the stale rows were deleted; failing there must undo the deletes too.
    const failing = vi
      .spyOn(db.shelves, 'bulkPut')
      .mockRejectedValueOnce(new Error('QuotaExceededError'));
    const result = await loadDigest(db, second, 'bundled');
    failing.mockRestore();
    expect(result).toEqual({
      ok: false,
      problems: ['Could not store the digest: QuotaExceededError'],
    });
    expect(await snapshot(db)).toBe(before);
    expect((await db.sources.get('bundled'))?.lastError).toContain('QuotaExceededError');
  });

  it('a later success clears the recorded error', async () => {
    await loadDigest(db, null, 'bundled');
    await loadDigest(db, first, 'bundled');
    expect((await db.sources.get('bundled'))?.lastError).toBeUndefined();
  });
});
