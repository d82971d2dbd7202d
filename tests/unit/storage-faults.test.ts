import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import bundled from '@/assets/digest.json';
import { openDatabase } from '@/lib/db';
import { loadDigest } from '@/lib/digest/load';
import { createMessageListener } from '@/lib/protocol/listener';
import type { Reply } from '@/lib/protocol/messages';
import { createPaperService } from '@/lib/worker/paper-service';
import { describeStorageError } from '@/lib/storage-errors';
import { createDigestJobs } from '@/lib/sources/digest-jobs';
import { jobHandlers } from '@/lib/worker/services';
import { DEFAULT_ENDPOINTS, DEFAULT_SOURCE_SETTINGS } from '@/lib/sources/source-settings';
import { databasePerTest, snapshot } from '../helpers/db';
import { digest, paper, readingEntry } from '../helpers/digests';

/** An IndexedDB that refuses to open, as Firefox's private windows did. */
class UnavailableIndexedDB extends IDBFactory {
  override open(): never {
    throw new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
  }
}

describe('IndexedDB unavailable', () => {
  it('the worker answers every request with a clear error instead of failing silently', async () => {
    const db = openDatabase('paperpeek', { indexedDB: new UnavailableIndexedDB(), IDBKeyRange });
    const service = createPaperService(db, { bundledDigest: () => bundled });
    const load = await service.ensureBundledDigest().catch((error: unknown) => error);
    expect(load).toBeDefined();
    const listener = createMessageListener(service as never, 'id');
    const reply = await new Promise<Reply<unknown>>((resolve) =>
      listener({ type: 'status', data: {} }, { id: 'id' }, resolve),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'failed',
        message: expect.stringMatching(/does not let PaperPeek open its database/),
      },
    });
  });
});

describe('quota exceeded', () => {
  const db = databasePerTest();

  it('during an import: nothing changes, the reading list is untouched, and the source says why', async () => {
    await loadDigest(db, digest([paper()]), 'bundled');
    await db.readingList.put(readingEntry({ note: 'safe' }));
    const before = await snapshot(db);
    vi.spyOn(db.shelves, 'bulkPut').mockRejectedValueOnce(
      new Dexie.BulkError('bulkPut failed', [new DOMException('quota', 'QuotaExceededError')]),
    );
    const jobs = createDigestJobs({
      db,
      local: { get: async () => ({}), set: async () => undefined },
      sourceSettings: async () => DEFAULT_SOURCE_SETTINGS,
      endpoints: async () => DEFAULT_ENDPOINTS,
      mayFetch: async () => true,
      keepAlive: async () => undefined,
      pause: async () => undefined,
    });
    const handlers = jobHandlers(jobs);
    const { importId } = await handlers.importBegin({ label: 'big.json' }, {});
    await handlers.importChunk(
      { importId, papers: [paper({ id: '2401.00001', arxivId: '2401.00001' })] },
      {},
    );
    await expect(handlers.importCommit({ importId }, {})).rejects.toThrow(/no room left/);
    expect(await snapshot(db)).toBe(before);
    expect((await db.sources.get('import'))?.lastError).toMatch(/no room left for PaperPeek/);
  });

  it('is named for what it is, whatever wraps it', () => {
    expect(describeStorageError(new DOMException('x', 'QuotaExceededError'))).toMatch(
      /no room left/,
    );
    expect(
      describeStorageError(
        new Dexie.AbortError('aborted', new DOMException('x', 'QuotaExceededError')),
      ),
    ).toMatch(/no room left/);
    expect(describeStorageError(new Error('plain'))).toBe('plain');
  });
});
