import { describe, expect, it, vi } from 'vitest';
import { lookUpVenuePaper } from '@/lib/sources/paper-lookup';
import {
  abstractFromInvertedIndex,
  pacedQueue,
  paperFromOpenAlex,
  paperFromOpenReview,
  venueFetcher,
  type VenueAnswer,
} from '@/lib/sources/venue-api';
import { FeedError } from '@/lib/sources/http';
import { createPaperService } from '@/lib/worker/paper-service';
import { digest, paper } from '../../helpers/digests';
import { databasePerTest, putPaperRows } from '../../helpers/db';
import type { VenueKey } from '@/lib/links/venue';

/** OpenReview API v2's answer for ViT's forum (fields trimmed to those read). */
const OPENREVIEW_V2 = {
  notes: [
    {
      id: 'YicbFdNTTy',
      forum: 'YicbFdNTTy',
      pdate: 1610236800000,
      cdate: 1601308800000,
      content: {
        title: {
          value: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
        },
        abstract: { value: 'While the Transformer architecture has become the de-facto standard.' },
        authors: { value: ['Alexey Dosovitskiy', 'Lucas Beyer'] },
        venue: { value: 'ICLR 2021 Oral' },
      },
    },
  ],
};

/** OpenAlex's answer for BERT's DOI (trimmed): an arXiv version among its locations. */
const OPENALEX_BERT = {
  id: 'https://openalex.org/W2963341956',
  doi: 'https://doi.org/10.18653/v1/n19-1423',
  display_name: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  publication_year: 2019,
  publication_date: '2019-01-01',
  authorships: [
    { author: { display_name: 'Jacob Devlin' } },
    { author: { display_name: 'Ming-Wei Chang' } },
  ],
  abstract_inverted_index: { We: [0], introduce: [1], a: [2], new: [3], model: [4] },
  primary_location: { source: { display_name: 'North American Chapter of the ACL' } },
  locations: [
    { landing_page_url: 'https://doi.org/10.18653/v1/n19-1423' },
    { landing_page_url: 'https://arxiv.org/abs/1810.04805', pdf_url: null },
  ],
};

describe('reading OpenReview and OpenAlex answers', () => {
  it('an OpenReview forum (API v2) as a paper, with where it was published', () => {
    const answer = paperFromOpenReview(OPENREVIEW_V2, 'YicbFdNTTy');
    expect(answer && 'paper' in answer && answer.paper).toMatchObject({
      id: 'openreview-yicbfdntty',
      title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
      authors: ['Alexey Dosovitskiy', 'Lucas Beyer'],
      venue: 'ICLR 2021 Oral',
      publishedAt: '2021-01-10T00:00:00.000Z',
      links: ['https://openreview.net/forum?id=YicbFdNTTy'],
    });
  });

  it('an older forum (API v1 fields), a submission (no venue), one with no abstract, another forum', () => {
    const v1 = {
      notes: [
        {
          id: 'B1ckMDqlg',
          forum: 'B1ckMDqlg',
          cdate: 1486425600000,
          content: {
            title: 'Some ICLR 2017 Paper',
            abstract: 'An abstract.',
            authors: ['A. Author'],
            venue: 'Submitted to ICLR 2017',
          },
        },
      ],
    };
    const read = paperFromOpenReview(v1, 'B1ckMDqlg');
    expect(read && 'paper' in read && read.paper.title).toBe('Some ICLR 2017 Paper');
    expect(read && 'paper' in read && read.paper.venue).toBeUndefined();
    const bare = { notes: [{ id: 'x1234', content: { title: { value: 'Only a title' } } }] };
    expect(paperFromOpenReview(bare, 'x1234')).toEqual({ noAbstract: 'Only a title' });
    expect(paperFromOpenReview(OPENREVIEW_V2, 'nZeVKeeFYf9')).toBeNull();
    expect(paperFromOpenReview({ notes: 'nope' }, 'x1234')).toBeNull();
  });

  it('an OpenAlex work: the abstract put back together, its arXiv version, venue and year', () => {
    const answer = paperFromOpenAlex(OPENALEX_BERT, 'acl:N19-1423', '10.18653/v1/n19-1423');
    expect(answer && 'paper' in answer && answer.paper).toMatchObject({
      id: '1810.04805',
      arxivId: '1810.04805',
      abstract: 'We introduce a new model',
      authors: ['Jacob Devlin', 'Ming-Wei Chang'],
      venue: 'North American Chapter of the ACL 2019',
      doi: '10.18653/v1/n19-1423',
      publishedAt: '2019-01-01T00:00:00.000Z',
    });
    const noAbstract = { ...OPENALEX_BERT, abstract_inverted_index: null };
    expect(paperFromOpenAlex(noAbstract, 'acl:N19-1423', '10.18653/v1/n19-1423')).toEqual({
      noAbstract: OPENALEX_BERT.display_name,
    });
  });

  it('survives hostile answers: huge positions, markup, wrong types', () => {
    expect(abstractFromInvertedIndex({ a: [0, 1e9], b: [-1, 1.5, 'x'], c: [2] })).toBe('a c');
    expect(abstractFromInvertedIndex('nope')).toBe('');
    const hostile = {
      display_name: '<img src=x onerror=alert(1)>',
      abstract_inverted_index: { '<script>': [0] },
      authorships: 'x',
      locations: [{ landing_page_url: 'javascript:alert(1)' }, 'x'],
    };
    const read = paperFromOpenAlex(hostile, 'doi:10.1/x', '10.1/x');
    // Kept as text (rendered as text); no arXiv id from a bad URL; a slug id.
    expect(read && 'paper' in read && read.paper).toMatchObject({
      id: 'doi-10-1-x',
      title: '<img src=x onerror=alert(1)>',
      authors: [],
    });
    expect(paperFromOpenAlex(null, 'doi:10.1/x', '10.1/x')).toBeNull();
  });
});

describe('asking the services', () => {
  const answering = (status: number, body: unknown) =>
    vi.fn(async (_url: string | URL | Request) => new Response(JSON.stringify(body), { status }));
  const endpoints = async () => ({
    openReview: 'http://127.0.0.1:9/openreview',
    openAlex: 'http://127.0.0.1:9/openalex',
  });

  it('sends only the forum id or the DOI, to the service that knows it', async () => {
    const fetchImpl = answering(200, OPENREVIEW_V2);
    await venueFetcher(endpoints, fetchImpl)('openreview:YicbFdNTTy');
    expect(String(fetchImpl.mock.calls[0]?.[0])).toBe(
      'http://127.0.0.1:9/openreview/notes?id=YicbFdNTTy',
    );
    const alex = answering(200, OPENALEX_BERT);
    await venueFetcher(endpoints, alex)('acl:N19-1423');
    expect(String(alex.mock.calls[0]?.[0])).toBe(
      // As ACL registered it: the Anthology id keeps its case.
      'http://127.0.0.1:9/openalex/works/doi:10.18653%2Fv1%2FN19-1423',
    );
    const none = answering(200, {});
    expect(await venueFetcher(endpoints, none)('pmlr:v202/kandpal23a')).toBeNull();
    expect(none).not.toHaveBeenCalled();
  });

  it('reads "not found" as no paper, and a refusal or an outage as an error', async () => {
    expect(await venueFetcher(endpoints, answering(404, {}))('doi:10.1/x')).toBeNull();
    await expect(venueFetcher(endpoints, answering(429, {}))('doi:10.1/x')).rejects.toThrow(
      FeedError,
    );
    const offline = vi.fn(async (_url: string | URL | Request): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    });
    await expect(venueFetcher(endpoints, offline)('doi:10.1/x')).rejects.toThrow(/Could not reach/);
  });

  it('paces requests a second apart, one at a time', async () => {
    let clock = 0;
    const slept: number[] = [];
    const run = pacedQueue({
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => run(async () => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(slept).toEqual([1_000, 1_000]);
  });
});

describe('looking up a venue link no digest paper lists', () => {
  const db = databasePerTest();
  const key: VenueKey = 'openreview:YicbFdNTTy';
  const found = paperFromOpenReview(OPENREVIEW_V2, 'YicbFdNTTy');

  it('asks once, then answers from the cache; and keeps the paper where Save finds it', async () => {
    const askVenue = vi.fn(async (): Promise<VenueAnswer> => found);
    const deps = { db, enabled: async () => true, askVenue, now: () => 1_000 };
    const first = await lookUpVenuePaper(key, deps);
    expect(first).toMatchObject({ from: 'OpenReview', paper: { id: 'openreview-yicbfdntty' } });
    expect(await lookUpVenuePaper(key, deps)).toEqual(first);
    expect(askVenue).toHaveBeenCalledTimes(1);
    expect((await db.arxivLookups.get('openreview-yicbfdntty'))?.paper?.title).toMatch(/16x16/);
  });

  it('sends nothing when look-ups are off', async () => {
    const askVenue = vi.fn(async (): Promise<VenueAnswer> => found);
    expect(await lookUpVenuePaper(key, { db, enabled: async () => false, askVenue })).toEqual({
      missing: 'lookups-off',
      service: 'OpenReview',
    });
    expect(askVenue).not.toHaveBeenCalled();
  });

  it('a paper with an arXiv version the digest has is the digest’s paper: one paper', async () => {
    await putPaperRows(db, [
      {
        ...paper({ id: '1810.04805', arxivId: '1810.04805', title: 'BERT (digest)' }),
        sourceId: 'bundled',
      },
    ]);
    const answer = paperFromOpenAlex(OPENALEX_BERT, 'acl:N19-1423', '10.18653/v1/n19-1423');
    const result = await lookUpVenuePaper('acl:N19-1423', {
      db,
      enabled: async () => true,
      askVenue: async () => answer,
    });
    expect(result).toMatchObject({
      from: 'digest',
      paper: { id: '1810.04805', title: 'BERT (digest)' },
    });
  });

  it('says why there is no abstract, and tries again after an outage', async () => {
    let calls = 0;
    const deps = {
      db,
      enabled: async () => true,
      askVenue: async (): Promise<VenueAnswer> => {
        calls += 1;
        if (calls === 1) throw new FeedError('api.openalex.org answered 503.', 503);
        return { noAbstract: 'A title only' };
      },
    };
    expect(await lookUpVenuePaper('doi:10.1/x', deps)).toEqual({
      missing: 'rate-limited',
      service: 'OpenAlex',
    });
    expect(await lookUpVenuePaper('doi:10.1/x', deps)).toEqual({
      missing: 'no-abstract',
      service: 'OpenAlex',
      title: 'A title only',
    });
    expect(await lookUpVenuePaper('doi:10.1/x', deps)).toMatchObject({ missing: 'no-abstract' });
    expect(calls).toBe(2);
  });
});

describe('the card of a venue link', () => {
  const db = databasePerTest();
  const sender = { id: 'ext' };

  it('says why there is none without look-ups, and shows a looked-up paper that Save then keeps', async () => {
    const off = createPaperService(db, { bundledDigest: () => digest([paper()]), now: () => 1 });
    const card = await off.fetchPaper({ key: 'doi:10.1000/x' }, sender);
    expect(card).toMatchObject({
      title: 'DOI 10.1000/x',
      links: [{ label: 'DOI', href: 'https://doi.org/10.1000/x' }],
      missing: { retry: false },
    });
    expect(card.missing?.reason).toContain('nothing was sent to OpenAlex');

    const on = createPaperService(db, {
      bundledDigest: () => digest([paper()]),
      now: () => 1,
      lookUpVenue: (key) =>
        lookUpVenuePaper(key, {
          db,
          enabled: async () => true,
          askVenue: async () => paperFromOpenReview(OPENREVIEW_V2, 'YicbFdNTTy'),
        }),
    });
    const found = await on.fetchPaper({ key: 'openreview:YicbFdNTTy' }, sender);
    expect(found).toMatchObject({
      paperId: 'openreview-yicbfdntty',
      venue: 'ICLR 2021 Oral',
      from: 'From OpenReview (not in your digest)',
      saved: false,
    });
    // A venue page the digest lists is answered from it, whatever the page thought: no request.
    const asked = vi.fn(async (): Promise<VenueAnswer> => null);
    const listing = createPaperService(db, {
      bundledDigest: () => digest([paper({ doi: '10.1000/listed' })]),
      now: () => 1,
      lookUpVenue: (key) =>
        lookUpVenuePaper(key, { db, enabled: async () => true, askVenue: asked }),
    });
    await listing.ensureBundledDigest();
    expect(await listing.fetchPaper({ key: 'doi:10.1000/listed' }, sender)).toMatchObject({
      paperId: '2005.14165',
      from: 'From your digest',
    });
    expect(asked).not.toHaveBeenCalled();

    await on.save({ paperId: 'openreview-yicbfdntty' }, sender);
    expect((await db.readingList.get('openreview-yicbfdntty'))?.title).toMatch(/16x16/);
    expect((await on.fetchPaper({ key: 'openreview:YicbFdNTTy' }, sender)).saved).toBe(true);
  });
});
