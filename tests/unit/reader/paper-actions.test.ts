/**
 * The reader header's Save, reading status and Copy BibTeX, on fake-indexeddb with the bundled
 * digest: the same entries and BibTeX the popup's reading list makes.
 */
import { describe, expect, it, vi } from 'vitest';
import bundled from '@/assets/digest.json';
import { createPaperActions } from '@/lib/reader/paper-actions';
import { createPaperService } from '@/lib/worker/paper-service';
import { databasePerTest } from '../../helpers/db';
import { readBibTeX } from '../../helpers/bibtex';

describe('the reader header’s actions', () => {
  const db = databasePerTest();
  const service = createPaperService(db, { bundledDigest: () => bundled, now: () => 1_000 });
  const setUp = async () => {
    await service.ensureBundledDigest();
    const asked: string[] = [];
    const ask = vi.fn(async (type: string, data: unknown) => {
      asked.push(type);
      if (type === 'save') await service.save(data as { paperId: string }, { id: 'ext' });
      return null;
    });
    return { actions: createPaperActions(db, ask as never), asked };
  };

  it('saves through the worker, then says it is on the list and unread', async () => {
    const { actions, asked } = await setUp();
    expect(await actions.state('2307.06948')).toEqual({ saved: false, read: false });
    await actions.save('2307.06948');
    expect(asked).toEqual(['save']);
    expect(await actions.state('2307.06948')).toEqual({ saved: true, read: false });
  });

  it('marks a saved paper read and unread, and asks for a sync as the popup does', async () => {
    const { actions, asked } = await setUp();
    await actions.save('2307.06948');
    await actions.setRead('2307.06948', true);
    expect((await db.readingList.get('2307.06948'))?.status).toBe('read');
    expect(await actions.state('2307.06948')).toEqual({ saved: true, read: true });
    await actions.setRead('2307.06948', false);
    expect((await db.readingList.get('2307.06948'))?.status).toBe('unread');
    expect(asked.filter((type) => type === 'syncReadingList')).toHaveLength(2);
  });

  it('copies the BibTeX of a digest paper not yet saved, and saves nothing doing so', async () => {
    const { actions } = await setUp();
    const { library } = readBibTeX(await actions.bibtex('2307.06948'));
    const [entry] = library.entries;
    expect(library.errors).toEqual([]);
    expect(entry?.fields.title).toMatch(/Self-regulating Prompts/);
    expect(entry?.fields.eprint).toBe('2307.06948');
    expect(await db.readingList.count()).toBe(0);
  });

  it('copies a saved paper’s BibTeX from its entry, the note as `annote` as the list does', async () => {
    const { actions } = await setUp();
    await actions.save('2307.06948');
    await db.readingList.update('2307.06948', { note: 'read section 3' });
    const { library } = readBibTeX(await actions.bibtex('2307.06948'));
    const [entry] = library.entries;
    expect(library.errors).toEqual([]);
    expect(entry?.fields.annote).toBe('read section 3');
  });

  it('says so when the paper left the digest and is not on the list', async () => {
    const { actions } = await setUp();
    await expect(actions.bibtex('2999.99999')).rejects.toThrow(/no longer in your digest/);
  });
});
