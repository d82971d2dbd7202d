import type { ReadingListEntry } from '../../lib/db';
import type { Digest, Paper } from '@/lib/digest/schema';

export function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: '2005.14165',
    arxivId: '2005.14165',
    title: 'Language Models are Few-Shot Learners',
    abstract: 'Recent work has demonstrated substantial gains on many NLP tasks.',
    authors: ['Tom B. Brown'],
    repos: [],
    links: [],
    ...overrides,
  };
}

export function digest(papers: Paper[], overrides: Partial<Digest> = {}): Digest {
  return {
    format: 'paperpeek-digest',
    version: 1,
    generatedAt: '2026-11-01T00:00:00.000Z',
    source: 'test',
    papers,
    ...overrides,
  };
}

/** A reading-list entry for GPT-3, as a save from the digest would make it. */
export function readingEntry(overrides: Partial<ReadingListEntry> = {}): ReadingListEntry {
  return {
    paperId: '2005.14165',
    arxivId: '2005.14165',
    title: 'Language Models are Few-Shot Learners',
    authors: ['Tom B. Brown'],
    repos: [],
    links: [],
    addedAt: 1,
    status: 'unread',
    tags: [],
    note: '',
    ...overrides,
  };
}
