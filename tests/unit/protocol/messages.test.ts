import { describe, expect, it, vi } from 'vitest';
import { toMissingCardView } from '@/lib/content/card/view';
import { sendRequest } from '@/lib/protocol/client';
import { ProtocolRequestError } from '@/lib/protocol/errors';
import { createMessageListener } from '@/lib/protocol/listener';
import {
  IMPORT_CHUNK_PAPERS,
  MAX_KEYS_PER_MESSAGE,
  type Handlers,
  type Reply,
} from '@/lib/protocol/messages';
import { parseRequest } from '@/lib/protocol/validate';

describe('parseRequest', () => {
  it.each([
    [{ type: 'lookup', data: { keys: ['arxiv:2005.14165', 'github:owner/repo'] } }],
    [{ type: 'lookup', data: { keys: ['arxiv:hep-th/9901001'] } }],
    [{ type: 'status', data: {} }],
    [{ type: 'resolveLinks', data: { links: [{ href: 'https://arxiv.org/abs/1', text: 'x' }] } }],
    [{ type: 'save', data: { paperId: '2005.14165' } }],
    [{ type: 'pageSummary', data: { paperIds: ['2005.14165', 'hep-th/9901001'] } }],
    [{ type: 'citationItems', data: { paperIds: ['2005.14165'] } }],
    [{ type: 'status' }],
  ])('accepts %j', (message) => {
    expect(parseRequest(message)).not.toHaveProperty('code');
  });

  it.each([
    [null, 'not an object'],
    ['lookup', 'not an object'],
    [{ type: 'dropDatabase' }, 'unknown message type: dropDatabase'],
    [{ type: 'lookup' }, 'data.keys must be an array'],
    [{ type: 'lookup', data: { keys: 'arxiv:2005.14165' } }, 'data.keys must be an array'],
    [
      { type: 'lookup', data: { keys: ['arxiv:2005.14165v2'] } },
      'not a paper key: arxiv:2005.14165v2',
    ],
    [
      { type: 'lookup', data: { keys: ['github:Owner/Repo'] } },
      'not a paper key: github:Owner/Repo',
    ],
    [{ type: 'lookup', data: { keys: ['github:topics/x'] } }, 'not a paper key'],
    [{ type: 'lookup', data: { keys: [{ toString: 1 }] } }, 'not a paper key'],
    [
      { type: 'lookup', data: { keys: Array(MAX_KEYS_PER_MESSAGE + 1).fill('arxiv:2005.14165') } },
      'at most 500 keys',
    ],
    [
      { type: 'resolveLinks', data: { links: [{ text: 'no href' }] } },
      'each link needs a string href',
    ],
    [{ type: 'resolveLinks', data: { links: 'https://arxiv.org' } }, 'data.links must be an array'],
    [{ type: 'save', data: { paperId: 7 } }, 'save: data.paperId must be a paper id'],
    [{ type: 'save', data: { paperId: '' } }, 'save: data.paperId must be a paper id'],
    [{ type: 'pageSummary', data: { paperIds: [7] } }, 'pageSummary: data.paperIds must be'],
    [{ type: 'pageSummary', data: { paperIds: Array(501).fill('x') } }, 'at most 500 paper ids'],
    [{ type: 'citationItems', data: { paperIds: [] } }, 'citationItems: data.paperIds must be 1'],
    [{ type: 'citationItems', data: { paperIds: [''] } }, 'citationItems: data.paperIds must be 1'],
  ])('rejects %j', (message, problem) => {
    expect(parseRequest(message)).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining(problem),
    });
  });
});

describe('the worker listener', () => {
  const handlers: Handlers = {
    lookup: vi.fn(async () => ({})),
    resolveLinks: vi.fn(async () => ({ keys: [], cards: {} })),
    save: vi.fn(async () => {
      throw new ProtocolRequestError({ code: 'not-found', message: 'gone' });
    }),
    undoSave: vi.fn(async () => ({ removed: true })),
    openReadingList: vi.fn(async () => null),
    openSettings: vi.fn(async () => null),
    pageSummary: vi.fn(async () => null),
    syncReadingList: vi.fn(async () => null),
    fetchPaper: vi.fn(async () => toMissingCardView('1706.03762', 'lookups-off')),
    resolveReferences: vi.fn(async () => []),
    openInBrowserViewer: vi.fn(async () => null),
    saveToZotero: vi.fn(async () => ({ ok: true as const, saved: 1, message: 'Saved to Zotero.' })),
    citationItems: vi.fn(async () => []),
    refreshNow: vi.fn(async () => []),
    importBegin: vi.fn(async () => ({ importId: 'i' })),
    importChunk: vi.fn(async () => ({ accepted: 0, skipped: 0 })),
    importCommit: vi.fn(async () => ({ added: 0, updated: 0, paperCount: 0, skipped: 0 })),
    clearDigest: vi.fn(async () => null),
    status: vi.fn(async () => {
      throw new Error('disk on fire');
    }),
  };
  const listener = createMessageListener(handlers, 'our-id');
  const ask = (message: unknown, sender: { id?: string }) =>
    new Promise<Reply<unknown>>((resolve) => {
      expect(listener(message, sender, resolve)).toBe(true);
    });

  it('answers our own contexts', async () => {
    expect(await ask({ type: 'lookup', data: { keys: [] } }, { id: 'our-id' })).toEqual({
      ok: true,
      value: {},
    });
  });

  it('refuses other senders before looking at the message', async () => {
    expect(await ask({ type: 'lookup', data: { keys: [] } }, { id: 'evil' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask({ type: 'lookup', data: { keys: [] } }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(handlers.lookup).toHaveBeenCalledTimes(1);
  });

  it('turns a bad request and a failing handler into error replies, never exceptions', async () => {
    expect(await ask({ type: 'nope' }, { id: 'our-id' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await ask({ type: 'status' }, { id: 'our-id' })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk on fire' },
    });
    expect(await ask({ type: 'save', data: { paperId: 'x' } }, { id: 'our-id' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
  });
});

describe('messages that change the digest', () => {
  const calls: string[] = [];
  const handler = (name: string) =>
    vi.fn(async () => {
      calls.push(name);
      return null as never;
    });
  const listener = createMessageListener(
    {
      lookup: handler('lookup'),
      resolveLinks: handler('resolveLinks'),
      save: handler('save'),
      undoSave: handler('undoSave'),
      openReadingList: handler('openReadingList'),
      openSettings: handler('openSettings'),
      resolveReferences: handler('resolveReferences'),
      openInBrowserViewer: handler('openInBrowserViewer'),
      saveToZotero: handler('saveToZotero'),
      citationItems: handler('citationItems'),
      pageSummary: handler('pageSummary'),
      syncReadingList: handler('syncReadingList'),
      status: handler('status'),
      fetchPaper: handler('fetchPaper'),
      refreshNow: handler('refreshNow'),
      importBegin: handler('importBegin'),
      importChunk: handler('importChunk'),
      importCommit: handler('importCommit'),
      clearDigest: handler('clearDigest'),
    },
    'our-id',
    'chrome-extension://our-id/',
  );
  const ask = (message: unknown, sender: { id?: string; url?: string }) =>
    new Promise<Reply<unknown>>((resolve) => listener(message, sender, resolve));
  const privileged = [
    { type: 'refreshNow', data: {} },
    { type: 'clearDigest', data: {} },
    { type: 'importBegin', data: { label: 'x.json' } },
    { type: 'importChunk', data: { importId: 'i', papers: [] } },
    { type: 'importCommit', data: { importId: 'i' } },
  ];

  it.each(privileged)('refuses $type from a content script (a web page)', async (message) => {
    for (const url of [
      'https://example.org/',
      'chrome-extension://other-id/options.html',
      undefined,
    ]) {
      expect(await ask(message, { id: 'our-id', ...(url ? { url } : {}) })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(calls).toEqual([]);
  });

  it.each(privileged)('accepts $type from the options page', async (message) => {
    expect(
      await ask(message, { id: 'our-id', url: 'chrome-extension://our-id/options.html' }),
    ).toMatchObject({ ok: true });
  });

  it.each(['openreview:YicbFdNTTy', 'doi:10.1109/cvpr.2016.90', 'acl:N19-1423'])(
    'accepts fetchPaper for the venue key %s',
    (key) =>
      expect(parseRequest({ type: 'fetchPaper', data: { key } })).toEqual({
        type: 'fetchPaper',
        data: { key },
      }),
  );

  it.each([
    [{ type: 'fetchPaper', data: { key: 'github:a/b' } }, 'must be an arxiv:'],
    [{ type: 'fetchPaper', data: { key: 'arxiv:not-an-id' } }, 'must be an arxiv:'],
    // No service answers for these: only the kinds that may be looked up are asked for.
    [{ type: 'fetchPaper', data: { key: 'pmlr:v202/kandpal23a' } }, 'must be an arxiv:'],
    [{ type: 'fetchPaper', data: { key: 'doi:10.1109/CVPR.2016.90' } }, 'must be an arxiv:'],
    [
      {
        type: 'importChunk',
        data: { importId: 'i', papers: Array(IMPORT_CHUNK_PAPERS + 1).fill({}) },
      },
      `at most ${IMPORT_CHUNK_PAPERS}`,
    ],
    [{ type: 'importChunk', data: { importId: 'x'.repeat(101), papers: [] } }, 'import id'],
    [{ type: 'importBegin', data: { label: 3 } }, 'label must be text'],
  ])('refuses a malformed %j', (message, problem) => {
    expect(parseRequest(message)).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining(problem),
    });
  });
});

describe('sendRequest', () => {
  it('unwraps a value and throws a typed error for an error reply or no reply', async () => {
    expect(
      await sendRequest(
        async () => ({ ok: true, value: { paperCount: 1, sources: [] } }),
        'status',
        {},
      ),
    ).toEqual({ paperCount: 1, sources: [] });
    await expect(
      sendRequest(
        async () => ({ ok: false, error: { code: 'failed', message: 'x' } }),
        'status',
        {},
      ),
    ).rejects.toBeInstanceOf(ProtocolRequestError);
    await expect(sendRequest(async () => undefined, 'status', {})).rejects.toThrow(
      'no answer from PaperPeek',
    );
  });
});
