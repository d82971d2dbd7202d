import { describe, expect, it } from 'vitest';
import {
  fromService,
  paperDate,
  toCardView,
  toMissingCardView,
  toMissingVenueCardView,
} from '@/lib/content/card/view';
import { paper } from '../../../helpers/digests';

describe('toCardView', () => {
  it('shortens long author lists and dates the paper', () => {
    const view = toCardView(
      paper({ authors: ['A', 'B', 'C', 'D'], publishedAt: '2020-05-28T00:00:00.000Z' }),
      true,
    );
    expect(view).toMatchObject({
      meta: 'A, B, C et al. · May 2020',
      saved: true,
      paperId: '2005.14165',
    });
  });

  it.each([
    [{ publishedAt: '2023-12-31T23:00:00.000Z' }, 'Dec 2023'],
    [{ arxivId: '2307.06948' }, 'Jul 2023'],
    [{ id: 'hep-th/9901001', arxivId: 'hep-th/9901001' }, 'Jan 1999'],
    [{ id: 'slug', arxivId: undefined }, ''],
  ])('dates %j as %j', (overrides, date) => expect(paperDate(paper(overrides))).toBe(date));

  it('links only through the allow-list, labels datasets, and drops duplicates and unsafe links', () => {
    const view = toCardView(
      paper({
        repos: ['a/b'],
        links: [
          'https://huggingface.co/datasets/furonghuang-lab/Easy2Hard-Bench',
          'https://embodied-codebook.github.io/',
          'https://evil.example/',
          'http://github.com/a/b',
        ],
      }),
      false,
    );
    expect(view.links).toEqual([
      { label: 'arXiv', href: 'https://arxiv.org/abs/2005.14165' },
      { label: 'PDF', href: 'https://arxiv.org/pdf/2005.14165' },
      { label: 'Hugging Face', href: 'https://huggingface.co/papers/2005.14165' },
      { label: 'Code: a/b', href: 'https://github.com/a/b' },
      {
        label: 'Dataset: furonghuang-lab/Easy2Hard-Bench',
        href: 'https://huggingface.co/datasets/furonghuang-lab/Easy2Hard-Bench',
      },
      { label: 'embodied-codebook.github.io', href: 'https://embodied-codebook.github.io/' },
    ]);
  });

  it('gives a paper without an arXiv id only its other links', () => {
    expect(toCardView(paper({ id: 'slug', arxivId: undefined }), false).links).toEqual([]);
  });

  it('makes TeX readable', () => {
    expect(
      toCardView(paper({ title: '$\\beta$-VAE', abstract: 'We use \\emph{ideas}.' }), false),
    ).toMatchObject({
      title: 'β-VAE',
      abstract: 'We use ideas.',
    });
  });
});

describe('the card for an arXiv paper with no abstract to show', () => {
  it.each([
    ['lookups-off', /look-ups are off, so nothing was sent to arXiv/, false],
    ['not-on-arxiv', /arXiv has no paper with this id/, false],
    ['unreachable', /arXiv could not be reached/, true],
    ['rate-limited', /slow down: try again in a minute/, true],
  ] as const)('%s: names the id, says why, links to arXiv and the PDF', (reason, says, retry) => {
    const card = toMissingCardView('hep-th/9901001', reason);
    expect(card.title).toBe('arXiv:hep-th/9901001');
    expect(card.missing?.reason).toMatch(says);
    expect(card.missing?.retry).toBe(retry);
    expect(card.links).toEqual([
      { label: 'arXiv', href: 'https://arxiv.org/abs/hep-th/9901001' },
      { label: 'PDF', href: 'https://arxiv.org/pdf/hep-th/9901001' },
    ]);
    expect(card.saved).toBe(false);
  });
});

describe('the card for a venue link no digest paper lists', () => {
  it.each([
    ['openreview:rJ4km2R5t7', 'OpenReview', 'https://openreview.net/forum?id=rJ4km2R5t7'],
    ['acl:N19-1423', 'ACL Anthology', 'https://aclanthology.org/N19-1423/'],
    ['acl:2020.acl-main.1', 'ACL Anthology', 'https://aclanthology.org/2020.acl-main.1/'],
    ['doi:10.1145/3292500.3330701', 'DOI', 'https://doi.org/10.1145/3292500.3330701'],
  ] as const)('%s links the page it came from, whatever the reason', (key, label, href) => {
    for (const why of [
      'lookups-off',
      'not-found',
      'no-abstract',
      'unreachable',
      'rate-limited',
    ] as const) {
      const service = key.startsWith('openreview:') ? 'OpenReview' : 'OpenAlex';
      expect(toMissingVenueCardView(key, service, why).links).toEqual([{ label, href }]);
    }
  });

  it('names OpenAlex in words a reader knows', () => {
    const card = toMissingVenueCardView('doi:10.1145/1', 'OpenAlex', 'unreachable');
    expect(card.missing?.reason).toBe(
      'Not in your digest, and OpenAlex (the open catalogue of research papers) could not be reached.',
    );
    expect(fromService('OpenAlex')).toBe(
      'From OpenAlex, the open catalogue of research papers (not in your digest)',
    );
    expect(fromService('OpenReview')).toBe('From OpenReview (not in your digest)');
  });

  it('offers the settings when look-ups are off, and a retry when trying again may help', () => {
    const off = toMissingVenueCardView('acl:N19-1423', 'OpenAlex', 'lookups-off').missing;
    expect(off).toMatchObject({ settings: true, retry: false });
    const down = toMissingCardView('2401.00001', 'unreachable').missing;
    expect(down).toMatchObject({
      retry: true,
      stillMissing: expect.stringMatching(/^Still unreachable/),
    });
    expect(down?.settings).toBeUndefined();
  });
});
