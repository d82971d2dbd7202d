import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { papersWithAbstractWords } from '../../helpers/abstract-search';
import { applyPapers } from '@/lib/digest/apply';
import { loadDigest } from '@/lib/digest/load';
import { createSearcher } from '@/lib/search/searcher';
import { createDigestJobs, JOB_KEY } from '@/lib/sources/digest-jobs';
import { FeedError } from '@/lib/sources/http';
import { lookUpPaper } from '@/lib/sources/paper-lookup';
import { huggingFaceUrls, refreshFeed, refreshHuggingFace } from '@/lib/sources/refresh';
import { HF_SOURCE_ID } from '@/lib/sources/source';
import { DEFAULT_ENDPOINTS, DEFAULT_SOURCE_SETTINGS } from '@/lib/sources/source-settings';
import { readSearchRecord, type PaperPeekDatabase } from '@/lib/db';
import { databasePerTest, snapshot, storedIds } from '../../helpers/db';
import { digest, paper, readingEntry } from '../../helpers/digests';
import { generatePapers } from '../../helpers/generate-papers';
import { countPapers, getPaperRow } from '@/lib/digest/shelves';

const HF = 'https://huggingface.co/api/daily_papers';
const NOW = Date.parse('2026-11-26T12:00:00Z');
const hfBody = readFileSync(
  new URL('../../fixtures/hugging-face/daily-papers.json', import.meta.url),
  'utf8',
);

/** A stand-in for the network: each URL answers as told; every request is recorded. */
function fakeNetwork(answer: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    return answer(url, init);
  });
  return { fetch: fetchImpl as unknown as typeof fetch, requests };
}

async function searchIds(db: PaperPeekDatabase, query: string) {
  const record = await readSearchRecord(db, 'search');
  if (!record) throw new Error('no search record');
  return createSearcher(record, new Set())
    .search(query)
    .map((hit) => hit.id);
}

describe('applying papers', () => {
  const db = databasePerTest();

  it('accumulates: new papers join, known ones take the newest data, others stay', async () => {
    await loadDigest(
      db,
      digest([paper(), paper({ id: '2307.06948', arxivId: '2307.06948', title: 'PromptSRC' })]),
      'bundled',
    );
    const summary = await applyPapers(
      db,
      [
        paper({ title: 'GPT-3, newer title' }),
        paper({ id: '2401.00001', arxivId: '2401.00001', title: 'Fresh' }),
      ],
      { sourceId: HF_SOURCE_ID, mode: 'accumulate' },
    );
    expect(summary).toMatchObject({ added: 1, updated: 1, removed: 0, paperCount: 3 });
    expect((await getPaperRow(db, '2005.14165'))?.title).toBe('GPT-3, newer title');
    expect(await countPapers(db)).toBe(3);
    expect(await searchIds(db, 'fresh')).toEqual(['2401.00001']);
  });

  it('replaces: a source loses the papers it no longer lists, other sources keep theirs', async () => {
    await applyPapers(db, [paper()], { sourceId: 'bundled', mode: 'replace' });
    await applyPapers(
      db,
      [
        paper({ id: '2401.00001', arxivId: '2401.00001' }),
        paper({ id: '2401.00002', arxivId: '2401.00002' }),
      ],
      { sourceId: 'import', mode: 'replace' },
    );
    const summary = await applyPapers(db, [paper({ id: '2401.00002', arxivId: '2401.00002' })], {
      sourceId: 'import',
      mode: 'replace',
    });
    expect(summary).toMatchObject({ removed: 1, updated: 1 });
    expect((await storedIds(db)).sort()).toEqual(['2005.14165', '2401.00002']);
  });

  it('keeps a source under its cap by removing its oldest papers, never a saved one', async () => {
    const old = (n: number, month: string) =>
      paper({
        id: `2101.0000${n}`,
        arxivId: `2101.0000${n}`,
        title: `Old ${n}`,
        publishedAt: `2021-${month}-01T00:00:00.000Z`,
      });
    await applyPapers(db, [old(1, '01'), old(2, '02'), old(3, '03')], {
      sourceId: HF_SOURCE_ID,
      mode: 'accumulate',
    });
    await db.readingList.put(readingEntry({ paperId: '2101.00001', title: 'Old 1' }));
    const summary = await applyPapers(
      db,
      [paper({ id: '2611.00001', arxivId: '2611.00001', publishedAt: '2026-11-25T00:00:00.000Z' })],
      { sourceId: HF_SOURCE_ID, mode: 'accumulate', cap: 2 },
    );
    // 4 papers, cap 2: the oldest unsaved two leave; the saved oldest stays.
    expect(summary.evicted).toBe(2);
    expect((await storedIds(db)).sort()).toEqual(['2101.00001', '2611.00001']);
    expect(await db.readingList.get('2101.00001')).toBeDefined();
  });

  it('stores the word index as a row of its own, read back only with its own record', async () => {
    await applyPapers(db, generatePapers(300), {
      sourceId: 'import',
      mode: 'replace',
      pause: async () => undefined,
    });
    const row = await db.meta.get('search');
    expect(row?.key === 'search' && 'words' in row.value).toBe(false);
    const record = await readSearchRecord(db, 'search');
    expect(record?.words?.words.length).toBeGreaterThan(50);
    // A word index left from another record (another stamp) is not used.
    const wordsRow = await db.meta.get('search-words');
    if (wordsRow?.key !== 'search-words') throw new Error('no word index row');
    await db.meta.put({ ...wordsRow, value: { ...wordsRow.value, stamp: 'older' } });
    expect((await readSearchRecord(db, 'search'))?.words).toBeUndefined();
  });

  it('rebuilds the search record and the abstract index for the same papers', async () => {
    await applyPapers(db, generatePapers(2_500), {
      sourceId: 'import',
      mode: 'replace',
      pause: async () => undefined,
    });
    const record = await readSearchRecord(db, 'search');
    if (!record?.stamp) throw new Error('no stamped record');
    expect(record.ids).toHaveLength(2_500);
    const hits = await papersWithAbstractWords(
      (bucket) => db.abstractIndex.get(bucket),
      record.stamp,
      record.ids.length,
      'we present ',
    );
    expect(hits.length).toBe(2_500); // every generated abstract starts "We present"
  });

  it('works in chunks with pauses between them, and reports its progress', async () => {
    const pause = vi.fn(async () => undefined);
    const phases = new Set<string>();
    await applyPapers(db, generatePapers(3_000), {
      sourceId: 'import',
      mode: 'replace',
      pause,
      onProgress: ({ phase, done, total }) => {
        phases.add(phase);
        expect(done).toBeLessThanOrEqual(total);
      },
    });
    expect(pause.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect([...phases]).toEqual(expect.arrayContaining(['indexing', 'writing']));
  });

  it('writes nothing when the transaction fails half-way (old digest whole, reading list untouched)', async () => {
    await loadDigest(db, digest([paper()]), 'bundled');
    await db.readingList.put(readingEntry({ note: 'mine' }));
    const before = await snapshot(db);
    const recordBefore = await db.meta.get('search');
    const put = db.shelves.bulkPut.bind(db.shelves);
    let calls = 0;
    const spy = vi.spyOn(db.shelves, 'bulkPut').mockImplementation(((rows: never[]) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('QuotaExceededError'));
      return put(rows);
    }) as typeof db.shelves.bulkPut);
    await expect(
      applyPapers(db, generatePapers(2_500), {
        sourceId: 'import',
        mode: 'replace',
        pause: async () => undefined,
      }),
    ).rejects.toThrow('QuotaExceededError');
    spy.mockRestore();
    expect(await snapshot(db)).toBe(before);
    expect(await db.meta.get('search')).toEqual(recordBefore);
  });
});

describe('refreshing from Hugging Face', () => {
  const db = databasePerTest();

  it('backfills seven days the first time, then asks from the day of the last success', () => {
    const first = huggingFaceUrls(HF, NOW);
    expect(first).toHaveLength(7);
    expect(first[0]).toBe(`${HF}?date=2026-11-20`);
    expect(first.at(-1)).toBe(HF);
    expect(huggingFaceUrls(HF, NOW, Date.parse('2026-11-25T08:00:00Z'))).toEqual([
      `${HF}?date=2026-11-25`,
      HF,
    ]);
  });

  it('keeps a paper whose githubRepo is unusable, and counts the dropped field on the source', async () => {
    const items = JSON.parse(hfBody) as { paper: Record<string, unknown> }[];
    const first = items[0];
    if (first) first.paper.githubRepo = 'https://gitlab.com/group/project';
    const network = fakeNetwork(() => new Response(JSON.stringify(items)));
    const outcome = await refreshHuggingFace(HF, { db, fetch: network.fetch, now: () => NOW });
    // Seven days asked, each answering the same twelve papers: one field dropped per answer.
    expect(outcome).toMatchObject({ ok: true, added: 12 });
    expect(outcome.message).toMatch(/7 unusable fields dropped/);
    expect((await db.sources.get(HF_SOURCE_ID))?.droppedFields).toBe(7);
    expect((await getPaperRow(db, '2307.06948'))?.repos).toEqual([]);
  });

  it('adds the papers of every day, records the source and its validators', async () => {
    const network = fakeNetwork(() => new Response(hfBody, { headers: { etag: '"v1"' } }));
    const outcome = await refreshHuggingFace(HF, { db, fetch: network.fetch, now: () => NOW });
    expect(outcome).toMatchObject({ ok: true, added: 12 });
    expect(network.requests).toHaveLength(7);
    const source = await db.sources.get(HF_SOURCE_ID);
    expect(source).toMatchObject({ paperCount: 12, lastSuccessAt: NOW });
    expect(source?.validators?.[HF]).toEqual({ etag: '"v1"' });
    expect(await searchIds(db, 'PromptSRC')).toEqual(['2307.06948']);

    // The next refresh sends the validators back; "not modified" changes nothing.
    const again = fakeNetwork(() => new Response(null, { status: 304 }));
    const second = await refreshHuggingFace(HF, {
      db,
      fetch: again.fetch,
      now: () => NOW + 3_600_000,
    });
    expect(second).toMatchObject({ ok: true, message: 'No new papers.' });
    expect(again.requests.find((request) => request.url === HF)?.headers['if-none-match']).toBe(
      '"v1"',
    );
  });

  it.each([
    ['answers 500', () => new Response('down', { status: 500 }), /answered 500/],
    ['sends garbage', () => new Response('<html>oops'), /not JSON/],
    ['sends an empty list', () => new Response('[]'), /no papers/],
    [
      'sends papers that are all invalid',
      () => new Response('[{"paper":{"id":"x"}}]'),
      /no usable paper/,
    ],
    [
      'cannot be reached',
      () => Promise.reject(new TypeError('Failed to fetch')),
      /Could not reach/,
    ],
  ])(
    'keeps the old digest when the server %s, and records the error',
    async (_name, answer, message) => {
      await loadDigest(db, digest([paper()]), 'bundled');
      await db.readingList.put(readingEntry({ note: 'kept' }));
      const before = await snapshot(db);
      const outcome = await refreshHuggingFace(HF, {
        db,
        fetch: fakeNetwork(answer).fetch,
        now: () => NOW,
      });
      expect(outcome.ok).toBe(false);
      expect(outcome.message).toMatch(message);
      expect(await snapshot(db)).toBe(before);
      expect(await db.sources.get(HF_SOURCE_ID)).toMatchObject({
        lastErrorAt: NOW,
        lastError: expect.stringMatching(message),
      });
    },
  );

  it('applies the days that came and reports the ones that failed', async () => {
    const network = fakeNetwork((url) =>
      url.includes('2026-11-2') ? new Response('busy', { status: 503 }) : new Response(hfBody),
    );
    const outcome = await refreshHuggingFace(HF, { db, fetch: network.fetch, now: () => NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^12 new, 0 updated\. 6 of 7 requests failed/);
    expect(await countPapers(db)).toBe(12);
  });
});

describe('refreshing a custom feed', () => {
  const db = databasePerTest();
  const FEED = 'https://papers.example.org/feed.json';

  it('serving a PaperPeek digest: the feed replaces its own papers, under its own source', async () => {
    const serve = (papers: ReturnType<typeof paper>[]) =>
      fakeNetwork(() => new Response(JSON.stringify(digest(papers)))).fetch;
    const one = paper({ id: '2401.00001', arxivId: '2401.00001', title: 'One' });
    const two = paper({ id: '2401.00002', arxivId: '2401.00002', title: 'Two' });
    expect(await refreshFeed(FEED, { db, fetch: serve([one, two]), now: () => NOW })).toMatchObject(
      {
        ok: true,
        added: 2,
      },
    );
    await refreshFeed(FEED, { db, fetch: serve([two]), now: () => NOW });
    expect(await storedIds(db)).toEqual(['2401.00002']);
    expect(await db.sources.get(`feed:${FEED}`)).toMatchObject({ paperCount: 1 });
  });

  it('serving a Daily Papers answer: papers accumulate, as from Hugging Face', async () => {
    const network = fakeNetwork(() => new Response(hfBody));
    expect(await refreshFeed(FEED, { db, fetch: network.fetch, now: () => NOW })).toMatchObject({
      ok: true,
      added: 12,
    });
    expect(network.requests.map((request) => request.url)).toEqual([FEED]);
  });
});

describe('looking up a paper no digest has', () => {
  const db = databasePerTest();

  it('never asks arXiv for a paper the digest has, asks once for one it lacks, and caches it', async () => {
    await loadDigest(db, digest([paper()]), 'bundled');
    const askArxiv = vi.fn(async (id: string) => ({
      paper: paper({ id, arxivId: id, title: 'From arXiv' }),
    }));
    const deps = { db, askArxiv, enabled: async () => true, now: () => NOW };
    expect(await lookUpPaper('2005.14165', deps)).toMatchObject({ from: 'digest' });
    expect(askArxiv).not.toHaveBeenCalled();
    expect(await lookUpPaper('1706.03762', deps)).toMatchObject({
      from: 'arxiv',
      paper: { title: 'From arXiv' },
    });
    expect(await lookUpPaper('1706.03762', deps)).toMatchObject({ from: 'arxiv' });
    expect(askArxiv).toHaveBeenCalledTimes(1);
  });

  it('asks nothing when look-ups are off', async () => {
    const askArxiv = vi.fn(async () => null);
    expect(await lookUpPaper('1706.03762', { db, askArxiv, enabled: async () => false })).toEqual({
      missing: 'lookups-off',
    });
    expect(askArxiv).not.toHaveBeenCalled();
  });

  it.each([
    [new FeedError('export.arxiv.org answered 429.', 429), 'rate-limited'],
    [new FeedError('export.arxiv.org answered 503.', 503), 'rate-limited'],
    [
      new FeedError('Could not reach export.arxiv.org (offline, or the address is wrong).'),
      'unreachable',
    ],
    [new FeedError('export.arxiv.org answered 500.', 500), 'unreachable'],
  ])('says why when arXiv fails (%s), and asks again next time', async (error, reason) => {
    const askArxiv = vi.fn(async () => Promise.reject(error));
    const deps = { db, askArxiv, enabled: async () => true, now: () => NOW };
    expect(await lookUpPaper('1706.03762', deps)).toEqual({ missing: reason });
    expect(await lookUpPaper('1706.03762', deps)).toEqual({ missing: reason });
    expect(askArxiv).toHaveBeenCalledTimes(2);
  });

  it('remembers for a day that arXiv has no such paper', async () => {
    const askArxiv = vi.fn(async () => null);
    const deps = { db, askArxiv, enabled: async () => true, now: () => NOW };
    expect(await lookUpPaper('2612.99999', deps)).toEqual({ missing: 'not-on-arxiv' });
    expect(await lookUpPaper('2612.99999', deps)).toEqual({ missing: 'not-on-arxiv' });
    expect(askArxiv).toHaveBeenCalledTimes(1);
  });
});

describe('digest jobs', () => {
  const db = databasePerTest();
  const storage = () => {
    const items: Record<string, unknown> = {};
    return {
      items,
      get: async (key: string) => ({ [key]: items[key] }),
      set: async (values: Record<string, unknown>) => void Object.assign(items, values),
    };
  };
  const jobsFor = (local: ReturnType<typeof storage>, fetchImpl?: typeof fetch) =>
    createDigestJobs({
      db,
      local,
      sourceSettings: async () => DEFAULT_SOURCE_SETTINGS,
      endpoints: async () => DEFAULT_ENDPOINTS,
      mayFetch: async () => true,
      keepAlive: async () => undefined,
      now: () => NOW,
      pause: async () => undefined,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });

  it('import a file in chunks, validating each paper, and apply it all at once', async () => {
    const jobs = jobsFor(storage());
    const id = jobs.beginImport('papers.json');
    const papers = generatePapers(1_200);
    expect(jobs.stageImport(id, papers.slice(0, 600))).toEqual({ accepted: 600, skipped: 0 });
    expect(jobs.stageImport(id, [...papers.slice(600), { id: 'bad id', title: 1 }])).toEqual({
      accepted: 600,
      skipped: 1,
    });
    expect(await countPapers(db)).toBe(0); // nothing before the commit
    expect(await jobs.commitImport(id)).toMatchObject({ added: 1_200, skipped: 1 });
    expect(await countPapers(db)).toBe(1_200);
    await expect(jobs.commitImport(id)).rejects.toThrow(/no longer open/);
  });

  it('show each phase of a job as it starts, the writing too (before its first chunk is done)', async () => {
    const local = storage();
    const shown: string[] = [];
    const set = local.set;
    local.set = async (values) => {
      const job = values[JOB_KEY] as { phase: string; done: number } | null;
      if (job) shown.push(`${job.phase} ${job.done}`);
      return set(values);
    };
    const jobs = jobsFor(local);
    const id = jobs.beginImport('papers.json');
    jobs.stageImport(id, generatePapers(1_200));
    await jobs.commitImport(id);
    // The clock stands still here: only a new phase or a phase's end is written.
    expect(shown).toContain('writing 0');
    expect(shown.indexOf('writing 0')).toBeLessThan(shown.indexOf('writing 1200'));
  });

  it('say on the source when a stopped worker left a job unfinished', async () => {
    const local = storage();
    local.items[JOB_KEY] = {
      label: 'Importing big.json',
      sourceId: 'import',
      startedAt: 1,
      phase: 'writing',
      done: 1,
      total: 2,
    };
    await jobsFor(local).recoverInterrupted();
    expect(local.items[JOB_KEY]).toBeNull();
    expect((await db.sources.get('import'))?.lastError).toMatch(/^Interrupted/);
  });

  it('clear the digest without touching the reading list', async () => {
    await loadDigest(db, digest([paper()]), 'bundled');
    await db.readingList.put(readingEntry({ note: 'stays' }));
    await db.paperDetails.put({ id: '2005.14165', fetchedAt: 1, found: true, authors: ['A'] });
    await jobsFor(storage()).clearDigest();
    expect(await countPapers(db)).toBe(0);
    expect(await db.paperDetails.count()).toBe(0); // the arXiv answers go with the digest
    expect((await readSearchRecord(db, 'search'))?.ids.length).toBe(0);
    expect((await db.readingList.get('2005.14165'))?.note).toBe('stays');
    // The bundled digest is not loaded again on the next start (same revision).
    expect(await loadDigest(db, digest([paper()]), 'bundled')).toMatchObject({ changed: false });
  });

  it('run one at a time and clear the progress record when done', async () => {
    const local = storage();
    const network = fakeNetwork(() => new Response(hfBody));
    const jobs = jobsFor(local, network.fetch);
    const [refreshed] = await Promise.all([jobs.refreshAll(), jobs.clearDigest()]);
    expect(refreshed?.[0]).toMatchObject({ ok: true, added: 12 });
    expect(await countPapers(db)).toBe(0); // the clear ran after the refresh
    expect(local.items[JOB_KEY]).toBeNull();
  });
});
