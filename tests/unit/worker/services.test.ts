import { describe, expect, it, vi } from 'vitest';
import bundled from '@/assets/digest.json';
import type { Reply, Request } from '@/lib/protocol/messages';
import { registerServices, type ServicesBrowser } from '@/lib/worker/services';
import { databasePerTest } from '../../helpers/db';
import { fakeEvent } from '../../helpers/fake-events';
import { countPapers } from '@/lib/digest/shelves';

const ID = 'paperpeek-test-id';
const ORIGIN = `chrome-extension://${ID}/`;

type Listener = Parameters<ServicesBrowser['runtime']['onMessage']['addListener']>[0];

function fakeBrowser() {
  const onMessage = fakeEvent<Listener>();
  const local = new Map<string, unknown>();
  const browser: ServicesBrowser = {
    runtime: {
      id: ID,
      getURL: () => ORIGIN,
      getPlatformInfo: async () => ({}),
      onMessage,
    },
    storage: {
      local: {
        get: async (key) => (local.has(key) ? { [key]: local.get(key) } : {}),
        set: async (items) => void Object.entries(items).forEach(([k, v]) => local.set(k, v)),
      },
    },
    permissions: { contains: async () => false },
  };
  /** Sends as a content script (`url` of a web page) or as an extension page. */
  const send = (message: Request, url = 'https://example.org/') =>
    new Promise<Reply<unknown>>((resolve) => {
      const [listener] = onMessage.fire(message as never, { id: ID, url }, resolve);
      expect(listener).toBe(true); // the channel stays open for the asynchronous reply
    });
  return { browser, send, onMessage };
}

describe('the worker services, registered on a fake browser', () => {
  const db = databasePerTest();

  function register() {
    const fake = fakeBrowser();
    const reportPageSummary = vi.fn(async () => null);
    const requestSync = vi.fn();
    const showReadingList = vi.fn(async () => undefined);
    const { service } = registerServices(fake.browser, {
      db,
      bundledDigest: () => bundled,
      reportPageSummary,
      requestSync,
      showReadingList,
      showSettings: vi.fn(async () => undefined),
      allowInBrowserViewer: vi.fn(async () => undefined),
      isFirefox: false,
    });
    return { ...fake, service, reportPageSummary, requestSync, showReadingList };
  }

  it('registers one listener, loads the bundled digest and answers from it', async () => {
    const worker = register();
    expect(worker.onMessage.size).toBe(1);
    const status = await worker.send({ type: 'status', data: {} });
    expect(status).toMatchObject({ ok: true, value: { paperCount: 71 } });
    const lookup = await worker.send({ type: 'lookup', data: { keys: ['arxiv:2005.14165'] } });
    expect(lookup).toMatchObject({
      ok: true,
      value: { 'arxiv:2005.14165': { saved: false } },
    });
  });

  it('saves from a card and asks for a sync; reports a page to the badge', async () => {
    const worker = register();
    expect(await worker.send({ type: 'save', data: { paperId: '2005.14165' } })).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(worker.requestSync).toHaveBeenCalled();
    expect(await db.readingList.count()).toBe(1);
    await worker.send({ type: 'pageSummary', data: { paperIds: ['2005.14165'] } });
    expect(worker.reportPageSummary).toHaveBeenCalledWith(
      ['2005.14165'],
      expect.objectContaining({ id: ID }),
    );
  });

  it('undoes a card’s save while the entry is untouched, and opens the reading list', async () => {
    const worker = register();
    await worker.send({ type: 'save', data: { paperId: '2005.14165' } });
    expect(await worker.send({ type: 'undoSave', data: { paperId: '2005.14165' } })).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(await db.readingList.count()).toBe(0);
    await worker.send({ type: 'save', data: { paperId: '2005.14165' } });
    await db.readingList.update('2005.14165', { note: 'read section 3' });
    expect(await worker.send({ type: 'undoSave', data: { paperId: '2005.14165' } })).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(/has changed since it was saved/),
      },
    });
    expect((await db.readingList.get('2005.14165'))?.note).toBe('read section 3');
    expect(await worker.send({ type: 'openReadingList', data: {} })).toEqual({
      ok: true,
      value: null,
    });
    expect(worker.showReadingList).toHaveBeenCalledTimes(1);
  });

  it('refuses digest-changing messages from a content script, and takes them from its pages', async () => {
    const worker = register();
    await worker.send({ type: 'status', data: {} });
    expect(await worker.send({ type: 'clearDigest', data: {} })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await countPapers(db)).toBe(71);
    expect(await worker.send({ type: 'clearDigest', data: {} }, `${ORIGIN}options.html`)).toEqual({
      ok: true,
      value: null,
    });
    expect(await countPapers(db)).toBe(0);
  });
});
