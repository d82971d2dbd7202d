import { describe, expect, it } from 'vitest';
import { entryByline, filterEntries, sortEntries, tagsOf } from '@/lib/reading-list/list-view';
import { readingEntry } from '../../helpers/digests';

const gpt3 = readingEntry({ addedAt: 3, tags: ['llm'] });
const prompts = readingEntry({
  paperId: '2307.06948',
  arxivId: '2307.06948',
  title: 'Self-regulating Prompts',
  authors: ['Muhammad Uzair Khattak', 'Syed Talal Wasim'],
  addedAt: 1,
  status: 'read',
  tags: ['prompts', 'vision'],
  note: 'CLIP adaptation',
});
const oldStyle = readingEntry({
  paperId: 'hep-th/9901001',
  arxivId: 'hep-th/9901001',
  title: 'Old physics',
  authors: [],
  addedAt: 2,
});

describe('what the reading list shows', () => {
  it.each([
    [{ text: '', status: 'all', tag: '' }, ['2005.14165', '2307.06948', 'hep-th/9901001']],
    [{ text: '', status: 'unread', tag: '' }, ['2005.14165', 'hep-th/9901001']],
    [{ text: '', status: 'read', tag: '' }, ['2307.06948']],
    [{ text: '', status: 'all', tag: 'vision' }, ['2307.06948']],
    [{ text: 'clip', status: 'all', tag: '' }, ['2307.06948']], // the note
    [{ text: 'WASIM', status: 'all', tag: '' }, ['2307.06948']], // an author
    [{ text: 'llm', status: 'unread', tag: '' }, ['2005.14165']], // a tag
  ] as const)('filters by %j', (filter, ids) => {
    expect(filterEntries([gpt3, prompts, oldStyle], filter).map((e) => e.paperId)).toEqual(ids);
  });

  it('sorts by date saved, or by date published (arXiv month, old-style ids too)', () => {
    const all = [prompts, oldStyle, gpt3];
    expect(sortEntries(all, 'saved').map((e) => e.paperId)).toEqual([
      '2005.14165',
      'hep-th/9901001',
      '2307.06948',
    ]);
    expect(sortEntries(all, 'published').map((e) => e.paperId)).toEqual([
      '2307.06948',
      '2005.14165',
      'hep-th/9901001',
    ]);
  });

  it.each([
    [gpt3, 'Brown · 2020'],
    [prompts, 'Khattak et al. · 2023'],
    // An old-style id names its month too: hep-th/9901001 is January 1999.
    [oldStyle, '1999'],
  ])('writes a short byline', (entry, byline) => {
    expect(entryByline(entry)).toBe(byline);
  });

  it('lists the tags in use', () => {
    expect(tagsOf([gpt3, prompts, oldStyle])).toEqual(['llm', 'prompts', 'vision']);
  });
});
