/**
 * Saving to Zotero against a loopback stand-in of its connector server: what PaperPeek sends
 * (headers, session, items field by field), and every way it can go wrong, each with the
 * sentence the user reads: Zotero not running, an old Zotero, a read-only library, an error
 * answer, and the permission refused (then nothing is sent at all).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDigest } from '@/lib/digest/load';
import { saveToReadingList, updateEntry } from '@/lib/reading-list/store';
import { createZoteroConnector } from '@/lib/zotero/connector';
import { saveToZotero } from '@/lib/zotero/save';
import type { ZoteroItem } from '@/lib/zotero/item';
import { databasePerTest } from '../../helpers/db';
import { digest, paper } from '../../helpers/digests';
import { closedLoopbackUrl, startZoteroStandIn } from '../../helpers/zotero-stand-in';

const db = databasePerTest();
let zotero: Awaited<ReturnType<typeof startZoteroStandIn>>;

beforeEach(async () => {
  zotero = await startZoteroStandIn();
  await loadDigest(
    db,
    digest([
      paper({
        id: '2307.06948',
        arxivId: '2307.06948',
        title: 'Self-regulating Prompts',
        authors: ['Muhammad Uzair Khattak', "Jan Kudl{\\'a}{\\v c}ek", '王小明'],
        abstract: 'Prompt learning has emerged as an efficient alternative.',
        publishedAt: '2023-07-13T00:00:00Z',
      }),
      paper({
        id: '1810.04805',
        arxivId: '1810.04805',
        title: 'BERT',
        authors: ['Jacob Devlin'],
        venue: 'NAACL 2019',
        doi: '10.18653/v1/n19-1423',
      }),
    ]),
    'bundled',
  );
});
afterEach(() => zotero.close());

const connectorTo = (baseUrl: string) =>
  createZoteroConnector({ fetch, baseUrl, sessionId: () => 'session-1' });
const deps = (baseUrl = zotero.url, allowed = true) => ({
  db,
  connector: connectorTo(baseUrl),
  mayReachZotero: async () => allowed,
  now: () => 7,
});
const sentItems = () => (zotero.saves()[0]?.body as { items: ZoteroItem[] }).items;

describe('Save to Zotero', () => {
  it('pings, then sends the items with the connector headers, and says it saved them', async () => {
    const outcome = await saveToZotero(['2307.06948'], deps());
    expect(outcome).toEqual({ ok: true, saved: 1, message: 'Saved to Zotero.' });
    expect(zotero.requests.map((request) => request.path)).toEqual([
      '/connector/ping',
      '/connector/saveItems',
    ]);
    const save = zotero.saves()[0];
    expect(save?.method).toBe('POST');
    expect(save?.headers['content-type']).toBe('application/json');
    expect(save?.headers['x-zotero-connector-api-version']).toBe('3');
    expect(save?.body).toMatchObject({
      sessionID: 'session-1',
      uri: 'https://arxiv.org/abs/2307.06948',
    });
    expect(sentItems()).toEqual([
      expect.objectContaining({
        itemType: 'preprint',
        title: 'Self-regulating Prompts',
        repository: 'arXiv',
        archiveID: 'arXiv:2307.06948',
        abstractNote: 'Prompt learning has emerged as an efficient alternative.',
        date: '2023-07-13',
        creators: [
          { creatorType: 'author', firstName: 'Muhammad Uzair', lastName: 'Khattak' },
          { creatorType: 'author', firstName: 'Jan', lastName: 'Kudláček' },
          { creatorType: 'author', lastName: '王小明', fieldMode: 1 },
        ],
        attachments: [
          {
            title: 'arXiv Fulltext PDF',
            url: 'https://arxiv.org/pdf/2307.06948',
            mimeType: 'application/pdf',
          },
        ],
      }),
    ]);
  });

  it('sends a reading-list entry with its tags and note, a venue paper as what it is', async () => {
    await saveToReadingList(db, '1810.04805', 5);
    await updateEntry(db, '1810.04805', { tags: ['nlp'], note: 'Cite for <MLM>' }, 6);
    const outcome = await saveToZotero(['1810.04805', '2307.06948', '1810.04805'], deps());
    expect(outcome).toEqual({ ok: true, saved: 2, message: 'Saved 2 papers to Zotero.' });
    const [bert, prompts] = sentItems();
    expect(bert).toMatchObject({
      itemType: 'conferencePaper',
      proceedingsTitle: 'NAACL 2019',
      DOI: '10.18653/v1/n19-1423',
      extra: 'arXiv: 1810.04805',
      tags: [{ tag: 'nlp' }],
      notes: [{ itemType: 'note', note: '<p>Cite for &lt;MLM&gt;</p>' }],
    });
    // Not on the reading list: no tags or note of its own, and the list is left as it was.
    expect(prompts).toMatchObject({ tags: [], notes: [] });
    expect(await db.readingList.get('2307.06948')).toBeUndefined();
  });

  it('says to start Zotero when nothing answers, and changes nothing', async () => {
    const outcome = await saveToZotero(['2307.06948'], deps(await closedLoopbackUrl()));
    expect(outcome).toEqual({
      ok: false,
      problem: 'not-running',
      message: 'Start Zotero to save there: PaperPeek found no Zotero running on this computer.',
    });
    expect(await db.readingList.count()).toBe(0);
  });

  it('says to update an old Zotero that has no connector endpoints', async () => {
    zotero.behave('outdated');
    const outcome = await saveToZotero(['2307.06948'], deps());
    expect(outcome).toMatchObject({ ok: false, problem: 'outdated' });
    expect(zotero.saves()).toHaveLength(0);
  });

  it('explains a read-only library and an error answer', async () => {
    zotero.behave('read-only');
    expect(await saveToZotero(['2307.06948'], deps())).toMatchObject({
      ok: false,
      problem: 'read-only',
      message: expect.stringContaining('select My Library'),
    });
    zotero.behave('error');
    expect(await saveToZotero(['2307.06948'], deps())).toMatchObject({
      ok: false,
      problem: 'failed',
      message: 'Zotero could not save this. Nothing was changed in PaperPeek; try again.',
    });
  });

  it('sends nothing at all without the permission to reach Zotero', async () => {
    const outcome = await saveToZotero(['2307.06948'], deps(zotero.url, false));
    expect(outcome).toMatchObject({ ok: false, problem: 'permission' });
    expect(zotero.requests).toEqual([]);
  });

  it('says so for a paper PaperPeek does not know, and asks Zotero nothing', async () => {
    expect(await saveToZotero(['9999.99999'], deps())).toMatchObject({
      ok: false,
      problem: 'unknown',
    });
    expect(zotero.requests).toEqual([]);
  });
});
