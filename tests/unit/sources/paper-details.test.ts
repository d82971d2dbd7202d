import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { readSearchRecord, type PaperPeekDatabase } from '@/lib/db';
import { applyPapers } from '@/lib/digest/apply';
import type { Paper } from '@/lib/digest/schema';
import { citedEntries } from '@/lib/reading-list/cited';
import { citationKey } from '@/lib/reading-list/export';
import { createSearcher } from '@/lib/search/searcher';
import { arxivFetcher, createArxivLookupQueue } from '@/lib/sources/arxiv-api';
import { fillInDetails, lacksDetails } from '@/lib/sources/paper-details';
import { startStandInServices, type StandInServices } from '../../e2e/stand-in-services';
import { papersWithAbstractWords } from '../../helpers/abstract-search';
import { databasePerTest } from '../../helpers/db';
import { readingEntry } from '../../helpers/digests';
import { getPaperRow, papersWithVenues } from '@/lib/digest/shelves';

const papers = bundled.papers as Paper[];

/** arXiv's Atom entry for a bundled paper, with the facts the Daily Papers page lacks. */
function atomEntry(paper: Paper, index: number): string {
  return `<entry>
    <id>http://arxiv.org/abs/${paper.id}v2</id>
    <updated>2024-0${(index % 9) + 1}-02T00:00:00Z</updated>
    <published>2023-0${(index % 9) + 1}-01T10:00:00Z</published>
    <title>${paper.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>
    <summary>${paper.abstract.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</summary>
    <author><name>Ada Surname${index}</name></author>
    <author><name>Alan Turing</name></author>
    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1000/J${index}</arxiv:doi>
    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">Journal ${index}</arxiv:journal_ref>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">12 pages</arxiv:comment>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.LG"/>
  </entry>`;
}

describe('filling in what digest papers lack, from the arXiv stand-in', () => {
  const db = databasePerTest();
  /** The digest `digestPapers` as the bundled one, loaded as a release ships it. */
  const loadBundled = (digestPapers: Paper[]) =>
    applyPapers(db, digestPapers, {
      sourceId: 'bundled',
      mode: 'replace',
      pause: async () => undefined,
    });
  let arxiv: StandInServices;
  let allowed = true;

  beforeAll(async () => {
    arxiv = await startStandInServices();
    papers.forEach((paper, index) => arxiv.arxivEntries.set(paper.id, atomEntry(paper, index)));
  });
  afterAll(() => arxiv?.close());
  beforeEach(async () => {
    allowed = true;
    arxiv.requests.length = 0;
    await loadBundled(papers);
  });

  const arxivRequests = () => arxiv.requests.filter((request) => request.startsWith('/api/query'));
  const run = (database: PaperPeekDatabase = db) => {
    const queue = createArxivLookupQueue({
      fetchArxiv: arxivFetcher(arxiv.arxivUrl),
      minGapMs: 5,
      windowMs: 5,
    });
    return fillInDetails({
      db: database,
      enabled: async () => allowed,
      lookup: queue.lookup,
      exclusive: (task) => task(),
      pause: async () => undefined,
    });
  };

  it('asks 20 ids a request, once per paper, and fills in authors, dates and the rest', async () => {
    expect(papers.every(lacksDetails)).toBe(true); // the bundled digest has no authors or dates
    expect(await run()).toEqual({ asked: 71, filled: 71 });
    const requests = arxivRequests();
    expect(requests).toHaveLength(4);
    for (const request of requests) {
      const ids = new URL(request, 'http://x').searchParams.get('id_list')?.split(',') ?? [];
      expect(ids.length).toBeLessThanOrEqual(20);
    }
    const gpt3 = await getPaperRow(db, '2005.14165');
    expect(gpt3).toMatchObject({
      authors: [expect.stringMatching(/^Ada Surname\d+$/), 'Alan Turing'],
      primaryCategory: 'cs.LG',
      comment: '12 pages',
      journalRef: expect.stringMatching(/^Journal \d+$/),
      doi: expect.stringMatching(/^10\.1000\/J\d+$/), // as registered, not lower-cased
    });
    expect(gpt3?.publishedAt).toMatch(/^2023-0\d-01T10:00:00.000Z$/);
    // Asked once: a second run sends nothing.
    expect(await run()).toEqual({ asked: 0, filled: 0 });
    expect(arxivRequests()).toHaveLength(4);
    // The DOI arXiv gave is one of the paper's addresses now: a link to it finds the paper.
    expect(
      (await papersWithVenues(db, [`doi:${gpt3?.doi?.toLowerCase()}`])).map((row) => row.id),
    ).toEqual(['2005.14165']);
  });

  it('lets search, the author filter and exports use what was filled in, abstracts still searchable', async () => {
    await run();
    const record = await readSearchRecord(db, 'search');
    if (!record?.stamp) throw new Error('no record');
    const searcher = createSearcher(record, new Set());
    expect(searcher.search('a:turing prompt', 100).length).toBeGreaterThan(0);
    expect(searcher.search('turing', 100)).toHaveLength(71);
    expect(record.years.every((year) => year === 2023)).toBe(true);
    // The record kept its paper order and stamp: the abstract index still answers for it.
    const found = await papersWithAbstractWords(
      (bucket) => db.abstractIndex.get(bucket),
      record.stamp,
      record.ids.length,
      'idealistic settings ',
    );
    expect(found.map((index) => record.ids.at(index))).toEqual(['2210.03869']);
    // An entry saved before, with no authors of its own, cites its first author.
    const [cited] = await citedEntries(db, [
      readingEntry({ paperId: '2005.14165', arxivId: '2005.14165', authors: [] }),
    ]);
    expect(citationKey(cited ?? readingEntry())).toMatch(/^surname\d+2023language$/);
  });

  it('never overwrites what a digest gave, and keeps what it learnt when the digest reloads', async () => {
    const withAuthors = papers.map((paper) =>
      paper.id === '2005.14165' ? { ...paper, authors: ['Tom B. Brown'] } : paper,
    );
    await loadBundled(withAuthors);
    await run();
    expect((await getPaperRow(db, '2005.14165'))?.authors).toEqual(['Tom B. Brown']);
    // The bundled digest again, as an update ships it: the filled-in facts stay.
    await loadBundled(papers);
    expect((await getPaperRow(db, '2307.06948'))?.authors).toContain('Alan Turing');
    expect(arxivRequests()).toHaveLength(4);
    // A later digest that has the field wins.
    const later = papers.map((paper) =>
      paper.id === '2307.06948' ? { ...paper, authors: ['Muhammad Uzair Khattak'] } : paper,
    );
    await loadBundled(later);
    expect((await getPaperRow(db, '2307.06948'))?.authors).toEqual(['Muhammad Uzair Khattak']);
  });

  it('does not go through the papers again for a record it finished, but does for a new one', async () => {
    let done: string | undefined;
    const completed = {
      read: async () => done,
      write: async (stamp: string) => {
        done = stamp;
      },
    };
    const queue = createArxivLookupQueue({
      fetchArxiv: arxivFetcher(arxiv.arxivUrl),
      minGapMs: 5,
      windowMs: 5,
    });
    const runOnce = () =>
      fillInDetails({
        db,
        enabled: async () => true,
        lookup: queue.lookup,
        exclusive: (task) => task(),
        pause: async () => undefined,
        completed,
      });
    expect((await runOnce()).asked).toBe(71);
    // Were the answers forgotten, the same record would still not be gone through again.
    await db.paperDetails.clear();
    expect(await runOnce()).toEqual({ asked: 0, filled: 0 });
    // A new digest is a new record: its papers are looked at.
    await loadBundled(papers.slice(0, 10));
    expect((await runOnce()).asked).toBe(10);
  });

  it('asks nothing while look-ups are off', async () => {
    allowed = false;
    expect(await run()).toEqual({ asked: 0, filled: 0, stopped: 'look-ups off' });
    expect(arxivRequests()).toEqual([]);
    expect((await getPaperRow(db, '2005.14165'))?.authors).toEqual([]);
  });

  it('stops when arXiv refuses, caches nothing, and asks again next time', async () => {
    arxiv.arxivStatuses.push(503);
    expect(await run()).toEqual({ asked: 0, filled: 0, stopped: 'arXiv unreachable' });
    expect(await db.paperDetails.count()).toBe(0);
    expect((await run()).filled).toBe(71);
  });

  it('remembers an id arXiv does not know, and does not ask for it again', async () => {
    arxiv.arxivEntries.delete('2005.14165');
    await run();
    expect(await db.paperDetails.get('2005.14165')).toMatchObject({ found: false });
    arxiv.arxivEntries.set('2005.14165', atomEntry(papers[3] as Paper, 3));
    expect(await run()).toEqual({ asked: 0, filled: 0 });
  });
});
