import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { importDailyPapersPage, parseIdTable, slugFor } from '@/lib/digest/daily-papers-page';
import { validateDigest } from '@/lib/digest/schema';

const seed = (name: string) =>
  readFileSync(new URL(`../../../assets/seed/${name}`, import.meta.url), 'utf8');
const pageText = seed('daily-papers-page.txt');
const idTsv = seed('arxiv-ids.tsv');
const meta = { generatedAt: '2026-11-01T00:00:00.000Z', source: 'seed' };

describe('the Daily Papers seed page', () => {
  const result = importDailyPapersPage(pageText, parseIdTable(idTsv), meta);
  const byId = new Map(result.digest.papers.map((paper) => [paper.id, paper]));

  it('yields all 71 papers, each joined with its verified arXiv id', () => {
    const rows = idTsv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    expect(rows).toHaveLength(71);
    expect(result.digest.papers).toHaveLength(71);
    expect(result.titlesWithoutId).toEqual([]);
    expect(result.unusedIds).toEqual([]);
    for (const [title, id] of rows) {
      const paper = byId.get(id ?? '');
      expect(paper?.title, `paper ${id}`).toBe(title);
      expect(paper?.arxivId).toBe(id);
    }
  });

  it('keeps every abstract exactly as the page has it', () => {
    for (const paper of result.digest.papers) {
      const at = pageText.indexOf(`${paper.title}\n\n`);
      expect(at, paper.title).toBeGreaterThanOrEqual(0);
      const abstract = pageText.slice(at + paper.title.length + 2).split('\n')[0];
      expect(paper.abstract).toBe(abstract?.trim());
    }
    expect(byId.get('2005.14165')?.abstract).toMatch(/^Recent work has demonstrated/);
  });

  it.each([
    ['2307.06948', ['muzairkhattak/promptsrc']],
    ['2307.15324', ['prismformore/multi-task-transformer']],
    ['2311.16534', ['wxxshirley/awesome-graph-prompt', 'sheldonresearch/prog']],
    ['2406.15480', ['facico/dynamic-logit-fusion']],
    ['2406.15479', ['lzy-the-boys/twin-mergin']],
    ['2306.07536', ['hazyresearch/tart']],
    ['2005.14165', []],
  ])('paper %s has the repos its abstract names: %j', (id, repos) => {
    expect(byId.get(id)?.repos).toEqual(repos);
  });

  it('every github.com URL in the page ends up in some paper', () => {
    const named = pageText.match(/github\.com\/[\w.-]+\/[\w-]+(?:\.[\w-]+)*/g) ?? [];
    const all = new Set(result.digest.papers.flatMap((paper) => paper.repos));
    expect(named.length).toBe(24);
    for (const url of named) expect(all).toContain(url.slice('github.com/'.length).toLowerCase());
  });

  it('keeps non-GitHub resources as links, without sentence punctuation', () => {
    expect(byId.get('2409.18433')?.links).toEqual([
      'https://huggingface.co/datasets/furonghuang-lab/Easy2Hard-Bench',
    ]);
    expect(byId.get('2311.04193')?.links).toEqual(['https://embodied-codebook.github.io/']);
  });

  it('produces a digest the validator accepts unchanged, equal to the committed assets/digest.json', () => {
    const checked = validateDigest(result.digest);
    expect(checked.ok && checked.digest).toEqual(result.digest);
    expect(bundled.papers).toEqual(result.digest.papers);
  });
});

describe('importDailyPapersPage on other pages', () => {
  const abstract = 'A'.repeat(50) + ' we show this works. '.repeat(10);

  it('gives papers missing from the id table a stable slug id and reports them', () => {
    const page = `Daily Papers\n\nby AK\n\nA New Model: Fast & Small!\n\n${abstract}\n`;
    const result = importDailyPapersPage(page, new Map(), meta);
    expect(result.digest.papers.map((paper) => paper.id)).toEqual(['a-new-model-fast-small']);
    expect(result.digest.papers[0]?.arxivId).toBeUndefined();
    expect(result.titlesWithoutId).toEqual(['A New Model: Fast & Small!']);
  });

  it('skips a paper listed twice', () => {
    const page = `Header\n\nSame Title\n\n${abstract}\n\nSame Title\n\n${abstract}\n`;
    expect(importDailyPapersPage(page, new Map(), meta).digest.papers).toHaveLength(1);
  });

  it('reads Windows line endings', () => {
    const page = `Header\r\n\r\nTitle One\r\n\r\n${abstract}\r\n`;
    expect(importDailyPapersPage(page, new Map(), meta).digest.papers[0]?.title).toBe('Title One');
  });

  it('returns no papers for a page without abstracts', () => {
    expect(
      importDailyPapersPage('new\n\nSubscribe\n\nDaily Papers', new Map(), meta).digest.papers,
    ).toEqual([]);
  });

  it('makes slugs unique only when titles collide', () => {
    expect(slugFor('Héllo, World', new Set())).toBe('hello-world');
    expect(slugFor('Hello World', new Set(['hello-world']))).toBe('hello-world-2');
    expect(slugFor('???', new Set())).toBe('untitled');
  });
});
