import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { saveFromLink } from '@/lib/worker/save-menu';
import { createPaperService } from '@/lib/worker/paper-service';
import { databasePerTest } from '../../helpers/db';

describe('saving from the context menu of a link', () => {
  const db = databasePerTest();
  const service = createPaperService(db, { bundledDigest: () => bundled });
  const sender = { id: 'ext' };
  const lookup = (keys: Parameters<typeof service.lookup>[0]['keys']) =>
    service.lookup({ keys }, sender);
  const save = (paperId: string) => service.save({ paperId }, sender);

  it.each([
    ['https://arxiv.org/pdf/2005.14165v2', 'saved', '2005.14165'],
    ['https://github.com/muzairkhattak/PromptSRC/tree/main', 'saved', '2307.06948'],
    [
      'https://www.google.com/url?q=https://huggingface.co/papers/2406.15479',
      'saved',
      '2406.15479',
    ],
    ['https://arxiv.org/abs/1706.03762', 'not-in-digest', null],
    ['https://example.org/', 'not-a-paper', null],
  ])('%s → %s', async (url, outcome, paperId) => {
    await service.ensureBundledDigest();
    expect(await saveFromLink(url, lookup, save)).toBe(outcome);
    const ids = await db.readingList.toCollection().primaryKeys();
    expect(ids).toEqual(paperId ? [paperId] : []);
  });
});
