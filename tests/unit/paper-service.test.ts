import { afterEach, describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { createPaperService } from '@/lib/paper-service';
import { freshDatabase } from '../helpers/db';

describe('the paper service on the bundled digest', () => {
  const db = freshDatabase();
  const service = createPaperService(db, { bundledDigest: () => bundled });
  afterEach(async () => {
    await db.delete();
    await db.open();
  });

  it('loads the bundled digest once: 71 papers, then nothing to do', async () => {
    expect(await service.ensureBundledDigest()).toMatchObject({
      ok: true,
      changed: true,
      paperCount: 71,
    });
    expect(await service.ensureBundledDigest()).toMatchObject({ ok: true, changed: false });
    expect((await service.status({})).paperCount).toBe(71);
  });

  it('finds papers by arXiv id and by repo', async () => {
    await service.ensureBundledDigest();
    const found = await service.lookup({
      keys: [
        'arxiv:2005.14165',
        'github:muzairkhattak/promptsrc',
        'arxiv:2101.99999',
        'github:a/b',
      ],
    });
    expect(Object.keys(found).sort()).toEqual([
      'arxiv:2005.14165',
      'github:muzairkhattak/promptsrc',
    ]);
    expect(found['arxiv:2005.14165']?.title).toBe('Language Models are Few-Shot Learners');
    expect(found['github:muzairkhattak/promptsrc']?.id).toBe('2307.06948');
    expect(found['arxiv:2005.14165']).not.toHaveProperty('sourceId');
  });

  it('answers a lookup sent while the load is running with the loaded digest', async () => {
    const loading = service.ensureBundledDigest();
    const found = await service.lookup({ keys: ['arxiv:2307.06948'] });
    await loading;
    expect(found['arxiv:2307.06948']?.title).toMatch(/^Self-regulating Prompts/);
  });

  it('reopens a database that was closed under it (a stopped and woken worker)', async () => {
    await service.ensureBundledDigest();
    db.close({ disableAutoOpen: true });
    expect(
      (await service.lookup({ keys: ['arxiv:2005.14165'] }))['arxiv:2005.14165'],
    ).toBeDefined();
  });

  it('reports a bundled digest it cannot load, and keeps serving the previous one', async () => {
    await service.ensureBundledDigest();
    const broken = createPaperService(db, {
      bundledDigest: () => ({ ...bundled, papers: 'oops' }),
    });
    expect(await broken.ensureBundledDigest()).toMatchObject({ ok: false });
    expect((await broken.status({})).paperCount).toBe(71);
  });
});
