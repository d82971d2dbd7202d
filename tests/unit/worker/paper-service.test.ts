import { describe, expect, it, vi } from 'vitest';
import bundled from '@/assets/digest.json';
import { createPaperService } from '@/lib/worker/paper-service';
import { databasePerTest, putPaperRows, snapshot } from '../../helpers/db';
import { digest, paper } from '../../helpers/digests';
import { shelfOf } from '@/lib/db';
import { getPaperRow } from '@/lib/digest/shelves';

const sender = { id: 'ext' };

describe('the paper service on the bundled digest', () => {
  const db = databasePerTest();
  const service = createPaperService(db, { bundledDigest: () => bundled, now: () => 1_000 });

  it('loads the bundled digest once: 71 papers, then nothing to do', async () => {
    expect(await service.ensureBundledDigest()).toMatchObject({
      ok: true,
      changed: true,
      paperCount: 71,
    });
    expect(await service.ensureBundledDigest()).toMatchObject({ ok: true, changed: false });
    expect((await service.status({}, sender)).paperCount).toBe(71);
  });

  it('reports the paper count from the search record, without walking every row', async () => {
    await service.ensureBundledDigest();
    const count = vi.spyOn(db.shelves, 'orderBy');
    expect((await service.status({}, sender)).paperCount).toBe(71);
    expect(count).not.toHaveBeenCalled();
    // A record written before it carried the count: the rows are counted instead.
    const newest = await db.meta.get('newest');
    if (!newest) throw new Error('no newest record');
    if (newest.value.version !== 1) throw new Error('the newest record is stored plain');
    const { paperCount: _dropped, ...older } = newest.value;
    await db.meta.put({ key: 'newest', value: older });
    expect((await service.status({}, sender)).paperCount).toBe(71);
    expect(count).toHaveBeenCalledOnce();
  });

  it('finds papers by arXiv id and by repo', async () => {
    await service.ensureBundledDigest();
    const found = await service.lookup(
      {
        keys: [
          'arxiv:2005.14165',
          'github:muzairkhattak/promptsrc',
          'arxiv:2101.99999',
          'github:a/b',
        ],
      },
      sender,
    );
    expect(Object.keys(found).sort()).toEqual([
      'arxiv:2005.14165',
      'github:muzairkhattak/promptsrc',
    ]);
    expect(found['arxiv:2005.14165']).toMatchObject({
      paper: { title: 'Language Models are Few-Shot Learners' },
      saved: false,
    });
    expect(found['github:muzairkhattak/promptsrc']?.paper.id).toBe('2307.06948');
    expect(found['arxiv:2005.14165']?.paper).not.toHaveProperty('sourceId');
  });

  it('resolves the links of a page to keys and the hits among them', async () => {
    await service.ensureBundledDigest();
    const { keys, cards } = await service.resolveLinks(
      {
        links: [
          { href: 'https://arxiv.org/pdf/2005.14165v2.pdf' },
          { href: 'https://example.org/' },
          { href: '/muzairkhattak/PromptSRC/tree/main', baseUrl: 'https://github.com/x' },
          { href: 'https://arxiv.org/abs/1706.03762' },
          { href: 'https://t.co/x', text: 'huggingface.co/papers/2005.14165' },
        ],
      },
      sender,
    );
    expect(keys).toEqual([
      'arxiv:2005.14165',
      null,
      'github:muzairkhattak/promptsrc',
      'arxiv:1706.03762',
      'arxiv:2005.14165',
    ]);
    expect(Object.keys(cards).sort()).toEqual([
      'arxiv:2005.14165',
      'github:muzairkhattak/promptsrc',
    ]);
    expect(cards['github:muzairkhattak/promptsrc']).toMatchObject({
      paperId: '2307.06948',
      meta: 'Jul 2023',
      saved: false,
      links: [
        { label: 'arXiv', href: 'https://arxiv.org/abs/2307.06948' },
        { label: 'PDF', href: 'https://arxiv.org/pdf/2307.06948' },
        { label: 'Hugging Face', href: 'https://huggingface.co/papers/2307.06948' },
        {
          label: 'Code: muzairkhattak/promptsrc',
          href: 'https://github.com/muzairkhattak/promptsrc',
        },
      ],
    });
  });

  it('makes TeX readable in what it returns, not in what it stores', async () => {
    await putPaperRows(db, [
      {
        ...paper({ id: '2401.00001', arxivId: '2401.00001', title: 'On $\\alpha$-nets' }),
        sourceId: 'x',
      },
    ]);
    const found = await service.lookup({ keys: ['arxiv:2401.00001'] }, sender);
    expect(found['arxiv:2401.00001']?.paper.title).toBe('On α-nets');
    expect((await getPaperRow(db, '2401.00001'))?.title).toBe('On $\\alpha$-nets');
  });

  it('saves a paper with its own copy of the paper, once, and reports it saved', async () => {
    await service.ensureBundledDigest();
    await service.save({ paperId: '2005.14165' }, sender);
    const entry = await db.readingList.get('2005.14165');
    expect(entry).toEqual({
      paperId: '2005.14165',
      arxivId: '2005.14165',
      title: 'Language Models are Few-Shot Learners',
      authors: [],
      repos: [],
      links: [],
      addedAt: 1_000,
      status: 'unread',
      tags: [],
      note: '',
    });
    await db.readingList.update('2005.14165', { note: 'mine' });
    await service.save({ paperId: '2005.14165' }, sender);
    expect((await db.readingList.get('2005.14165'))?.note).toBe('mine');
    expect(
      (await service.lookup({ keys: ['arxiv:2005.14165'] }, sender))['arxiv:2005.14165']?.saved,
    ).toBe(true);
  });

  it("gives a card's Copy citation the papers as CSL items: the entry's own, never its note", async () => {
    await service.ensureBundledDigest();
    await service.save({ paperId: '2005.14165' }, sender);
    await db.readingList.update('2005.14165', { title: 'GPT-3 (my title)', note: 'private' });
    const items = await service.citationItems(
      { paperIds: ['2005.14165', '2101.99999', '1706.03762'] },
      sender,
    );
    // The saved entry as the user left it; a paper PaperPeek does not know is left out.
    expect(items.map((item) => item.title)).toEqual(['GPT-3 (my title)']);
    expect(items[0]).toMatchObject({ URL: 'https://arxiv.org/abs/2005.14165', publisher: 'arXiv' });
    expect(JSON.stringify(items)).not.toContain('private');
    expect(items[0]).not.toHaveProperty('genre');
  });

  it('gives a card the citation the popup gives: date, venue and DOI from the digest', async () => {
    await putPaperRows(db, [
      {
        ...paper({
          id: '1810.04805',
          arxivId: '1810.04805',
          title: 'BERT',
          authors: ['Jacob Devlin'],
          publishedAt: '2018-10-11',
          doi: '10.18653/v1/N19-1423',
        }),
        sourceId: 'x',
      },
    ]);
    // Saved before the digest knew its date and venue: the entry's copy has neither.
    await service.save({ paperId: '1810.04805' }, sender);
    const [item] = await service.citationItems({ paperIds: ['1810.04805'] }, sender);
    expect(item).toMatchObject({
      'container-title': 'NAACL 2019',
      issued: { 'date-parts': [[2019]] },
      DOI: '10.18653/v1/N19-1423',
    });
  });

  it('refuses to save a paper that is not in the digest, and changes nothing', async () => {
    await service.ensureBundledDigest();
    const before = await snapshot(db);
    await expect(service.save({ paperId: '1706.03762' }, sender)).rejects.toMatchObject({
      error: { code: 'not-found' },
    });
    expect(await snapshot(db)).toBe(before);
  });

  it('answers a lookup sent while the load is running with the loaded digest', async () => {
    const loading = service.ensureBundledDigest();
    const found = await service.lookup({ keys: ['arxiv:2307.06948'] }, sender);
    await loading;
    expect(found['arxiv:2307.06948']?.paper.title).toMatch(/^Self-regulating Prompts/);
  });

  it('reopens a database that was closed under it (a stopped and woken worker)', async () => {
    await service.ensureBundledDigest();
    db.close({ disableAutoOpen: true });
    expect(
      (await service.lookup({ keys: ['arxiv:2005.14165'] }, sender))['arxiv:2005.14165'],
    ).toBeDefined();
  });

  it('reports a bundled digest it cannot load, and keeps serving the previous one', async () => {
    await service.ensureBundledDigest();
    const broken = createPaperService(db, {
      bundledDigest: () => ({ ...bundled, papers: 'oops' }),
    });
    expect(await broken.ensureBundledDigest()).toMatchObject({ ok: false });
    expect((await broken.status({}, sender)).paperCount).toBe(71);
  });
});

describe('the paper service on papers with venue pages', () => {
  const db = databasePerTest();
  const venuePapers = [
    paper({ doi: '10.18653/v1/N19-1423', id: '1810.04805', arxivId: '1810.04805', title: 'BERT' }),
    paper({
      id: '2010.11929',
      arxivId: '2010.11929',
      title: 'An Image is Worth 16x16 Words',
      links: ['https://openreview.net/forum?id=YicbFdNTTy', 'https://example.org/project'],
    }),
    paper({
      links: [
        'https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
      ],
    }),
    paper({
      id: 'resnet',
      arxivId: undefined,
      title: 'Deep Residual Learning for Image Recognition',
      doi: '10.1109/cvpr.2016.90',
      links: [
        'https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html',
      ],
    }),
  ];
  const service = createPaperService(db, {
    bundledDigest: () => digest(venuePapers),
    now: () => 1_000,
  });

  it('opens the card of the paper behind any form of its venue links, and of no other', async () => {
    await service.ensureBundledDigest();
    const forms: [href: string, paperId: string | null][] = [
      ['https://aclanthology.org/N19-1423/', '1810.04805'],
      ['https://www.aclweb.org/anthology/N19-1423.pdf', '1810.04805'],
      ['https://doi.org/10.18653/v1/n19-1423', '1810.04805'],
      ['https://openreview.net/pdf?id=YicbFdNTTy', '2010.11929'],
      ['https://openreview.net/forum?id=YicbFdNTTy&noteId=abc', '2010.11929'],
      [
        'https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
        '2005.14165',
      ],
      ['https://dx.doi.org/10.1109/CVPR.2016.90', 'resnet'],
      [
        'https://openaccess.thecvf.com/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf',
        'resnet',
      ],
      ['https://openreview.net/forum?id=nZeVKeeFYf9', null], // LoRA: no digest paper lists it
      ['https://openreview.net/group?id=ICLR.cc/2021/Conference', null],
    ];
    const { keys, cards } = await service.resolveLinks(
      { links: forms.map(([href]) => ({ href })) },
      sender,
    );
    forms.forEach(([href, paperId], index) => {
      const key = keys[index];
      expect(key == null ? null : (cards[key]?.paperId ?? null), href).toBe(paperId);
    });
    expect(keys[9]).toBeNull();
    expect(keys[8]).toBe('openreview:nZeVKeeFYf9');
  });

  it('finds them again after a change of links, and not by a link they dropped', async () => {
    await service.ensureBundledDigest();
    const vit = venuePapers[1];
    if (!vit) throw new Error('no ViT');
    await db.transaction('rw', db.shelves, async () => {
      const [shelf] = await db.shelves.where('ids').equals(vit.id).toArray();
      if (!shelf) throw new Error('no shelf');
      const papers = shelf.papers.map((row) => (row.id === vit.id ? { ...row, links: [] } : row));
      await db.shelves.put(shelfOf(shelf.key, papers));
    });
    const { cards } = await service.resolveLinks(
      { links: [{ href: 'https://openreview.net/forum?id=YicbFdNTTy' }] },
      sender,
    );
    expect(cards).toEqual({});
  });
});
