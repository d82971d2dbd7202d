import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import bundled from '@/assets/digest.json';
import { papersFromAtom, createArxivLookupQueue, arxivFetcher } from '@/lib/sources/arxiv-api';
import { parsePapers, papersFromJson, WHAT_IMPORT_TAKES } from '@/lib/sources/formats';
import { fetchFeed } from '@/lib/sources/http';
import { endpointsFrom, feedUrl, sourceSettingsFrom } from '@/lib/sources/source-settings';

const fixture = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const hfAnswer = () => JSON.parse(fixture('hugging-face/daily-papers.json')) as unknown[];

describe('a Hugging Face Daily Papers answer', () => {
  it('gives every paper with its arXiv id, abstract, authors, date, repo and project page', () => {
    const parsed = papersFromJson(hfAnswer());
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.format).toBe('hugging-face-api');
    expect(parsed.papers).toHaveLength(12);
    expect(parsed.skipped).toEqual([]);
    const prompts = parsed.papers[0];
    expect(prompts).toMatchObject({
      id: '2307.06948',
      arxivId: '2307.06948',
      title: 'Self-regulating Prompts: Foundational Model Adaptation without Forgetting',
      repos: ['muzairkhattak/promptsrc'],
      links: ['https://example-lab.github.io/project'],
      upvotes: 10,
      publishedAt: '2026-11-20T17:59:50.000Z',
    });
    expect(prompts?.abstract).toMatch(/^Prompt learning has emerged/);
    expect(prompts?.authors.slice(0, 2)).toEqual(['Muhammad Uzair Khattak', 'Syed Talal Wasim']);
  });

  it('skips bad items with a reason and keeps the rest', () => {
    const items = hfAnswer();
    items.push(
      { paper: { id: 'not an id', title: 'x', summary: 'y' } },
      { paper: { id: '2401.00001', title: '', summary: 'no title' } },
      'a string',
      null,
      { paper: { ...(items[0] as { paper: object }).paper } }, // listed twice
    );
    const parsed = papersFromJson(items);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.papers).toHaveLength(12);
    expect(parsed.skipped).toHaveLength(5);
    expect(parsed.skipped.at(-1)).toMatch(/listed twice/);
  });

  it('keeps a paper whose optional field is unusable, drops the field and says so', () => {
    const items = hfAnswer();
    const first = (items[0] as { paper: Record<string, unknown> }).paper;
    const second = (items[1] as { paper: Record<string, unknown> }).paper;
    // A repository that is not on GitHub; a project page that is a script.
    items[0] = { paper: { ...first, githubRepo: 'https://gitlab.com/group/project' } };
    items[1] = { paper: { ...second, projectPage: 'javascript:alert(1)', upvotes: -3 } };
    const parsed = papersFromJson(items);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.papers).toHaveLength(12);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.papers[0]).toMatchObject({ id: '2307.06948', repos: [] });
    expect(parsed.papers[1]?.links).toEqual([]);
    expect(parsed.papers[1]?.upvotes).toBeUndefined();
    expect(parsed.dropped).toEqual([
      '“Self-regulating Prompts: Foundational Model Adaptation…”: githubRepo is not a GitHub repository (https://gitlab.com/group/project); dropped',
      '“TAME: Task Agnostic Continual Learning using Multiple E…”: projectPage is not an http(s) URL (javascript:alert(1)); dropped',
      '“TAME: Task Agnostic Continual Learning using Multiple E…”: upvotes is not a count (-3); dropped',
    ]);
  });

  it('stays strict about the id, the title and the abstract', () => {
    const items = hfAnswer();
    const first = (items[0] as { paper: Record<string, unknown> }).paper;
    items[0] = { paper: { ...first, summary: 42, githubRepo: 'not a repo' } };
    const parsed = papersFromJson(items);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.papers.map((paper) => paper.id)).not.toContain('2307.06948');
    expect(parsed.skipped[0]).toMatch(/abstract/);
  });

  it('with no usable paper, or none at all, is an error', () => {
    expect(papersFromJson([])).toMatchObject({
      ok: false,
      problems: ['The answer lists no papers.'],
    });
    expect(papersFromJson([{ paper: {} }, 3])).toMatchObject({ ok: false });
    expect(papersFromJson({ error: 'Invalid date' })).toMatchObject({ ok: false });
  });
});

describe('detecting an imported file', () => {
  it.each([
    ['a PaperPeek digest', JSON.stringify(bundled), 'paperpeek-digest', 71],
    ['a saved API response', fixture('hugging-face/daily-papers.json'), 'hugging-face-api', 12],
    [
      'the text of a Daily Papers page',
      readFileSync(new URL('../../../assets/seed/daily-papers-page.txt', import.meta.url), 'utf8'),
      'daily-papers-page',
      71,
    ],
  ])('reads %s', (_name, text, format, count) => {
    const ids = readFileSync(
      new URL('../../../assets/seed/arxiv-ids.tsv', import.meta.url),
      'utf8',
    );
    const parsed = parsePapers(text, ids);
    expect(parsed).toMatchObject({ ok: true, format });
    if (parsed.ok) expect(parsed.papers).toHaveLength(count);
  });

  it('keeps page papers without a known id under a slug, and says so', () => {
    const parsed = parsePapers(
      `Daily Papers\n\nA Paper Nobody Indexed\n\n${'An abstract that is long enough to count as one. '.repeat(4)}`,
    );
    expect(parsed).toMatchObject({ ok: true, format: 'daily-papers-page' });
    if (parsed.ok) {
      expect(parsed.papers[0]?.id).toBe('a-paper-nobody-indexed');
      expect(parsed.skipped[0]).toMatch(/no arXiv id known/);
    }
  });

  it.each([
    ['', /empty/],
    ['{"format": "paperpeek-digest"', /Not valid JSON/],
    ['{"hello": 1}', /Not a format PaperPeek reads/],
    ['<html><body>Daily Papers</body></html>', /HTML or XML/],
    ['just a few words', /No papers found/],
    ['{"format":"paperpeek-digest","version":2,"papers":[]}', /version/],
  ])('refuses %j with a clear reason', (text, reason) => {
    const parsed = parsePapers(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join(' ')).toMatch(reason);
  });

  // As `File.text()` gives them: the bytes read as UTF-8, invalid ones as U+FFFD.
  const asText = (bytes: number[], rest = '') =>
    new TextDecoder().decode(new Uint8Array(bytes)) + rest;
  it.each([
    ['a paper’s PDF', '%PDF-1.5\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>', 'a PDF document'],
    [
      'a ZIP archive',
      asText([0x50, 0x4b, 3, 4, 20, 0, 0, 0], 'word/document.xml'),
      'a ZIP archive',
    ],
    [
      'a PNG image',
      asText([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'an image',
    ],
    ['a JPEG image', asText([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), 'an image'],
    ['a BibTeX export', '@inproceedings{devlin2019bert,\n  title = {BERT}\n}', 'a BibTeX file'],
    ['a RIS export', 'TY  - JOUR\nTI  - Attention\nER  - ', 'a RIS file'],
    [
      'other binary data',
      asText([0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0xff]),
      'a binary file',
    ],
  ])('says what %s is, and what import takes', (_name, text, kind) => {
    const parsed = parsePapers(text);
    expect(parsed).toMatchObject({ ok: false });
    if (parsed.ok) return;
    expect(parsed.format).toBeUndefined();
    expect(parsed.problems).toEqual([
      `This is ${kind}${kind === 'a ZIP archive' ? ' (or an Office document)' : ''}, not a digest. ${WHAT_IMPORT_TAKES}`,
    ]);
  });

  it('does not call text with no papers a Daily Papers page', () => {
    const parsed = parsePapers('Meeting notes\n\nBring the slides.');
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) {
      expect(parsed.format).toBeUndefined();
      expect(parsed.problems.join(' ')).toContain(WHAT_IMPORT_TAKES);
    }
  });
});

describe('an arXiv API answer (Atom)', () => {
  const found = papersFromAtom(fixture('arxiv/query.xml'));

  it('gives each entry as a paper, without versions, with readable text', () => {
    expect(found.map((entry) => entry.paper.id)).toEqual(['1706.03762', '2303.08774']);
    expect(found[0]).toMatchObject({
      paper: {
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Łukasz Kaiser'],
        publishedAt: '2017-06-12T17:57:34.000Z',
      },
      primaryCategory: 'cs.CL',
    });
    expect(found[0]?.paper.abstract).toMatch(/entirely & <more>\.$/);
    // The facts a digest may lack, for filling them in.
    expect(found[0]?.paper).toMatchObject({
      updatedAt: '2023-08-02T00:41:18.000Z',
      primaryCategory: 'cs.CL',
      comment: '15 pages, 5 figures',
    });
    expect(found[1]?.paper.repos).toEqual(['openai/evals']);
  });

  it('leaves out error entries and anything unreadable', () => {
    expect(
      papersFromAtom('<feed><entry><id>http://arxiv.org/abs/1706.03762</id></entry></feed>'),
    ).toEqual([]);
    expect(papersFromAtom('not xml at all')).toEqual([]);
    expect(papersFromAtom('<entry><id>javascript:alert(1)</id><title>x</title></entry>')).toEqual(
      [],
    );
  });

  it('keeps markup in fields as text', () => {
    const [entry] = papersFromAtom(
      `<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>&lt;img src=x onerror=alert(1)&gt;</title><summary><![CDATA[<script>alert(1)</script> text]]></summary><author><name>A</name></author></entry>`,
    );
    expect(entry?.paper.title).toBe('<img src=x onerror=alert(1)>');
    expect(entry?.paper.abstract).toBe('<script>alert(1)</script> text');
  });
});

describe('arXiv look-ups', () => {
  it('batch the ids asked together and keep requests three seconds apart', async () => {
    let clock = 0;
    const requests: { at: number; ids: string[] }[] = [];
    const queue = createArxivLookupQueue({
      now: () => clock,
      sleep: async (ms) => {
        clock += Math.max(ms, 0);
      },
      fetchArxiv: async (ids) => {
        requests.push({ at: clock, ids });
        return new Map(ids.map((id) => [id, null]));
      },
      maxBatch: 2,
    });
    const answers = await Promise.all(['1', '2', '3', '2', '4', '5'].map((id) => queue.lookup(id)));
    expect(answers).toEqual([null, null, null, null, null, null]);
    expect(requests.map((request) => request.ids)).toEqual([['1', '2'], ['3', '4'], ['5']]);
    for (let i = 1; i < requests.length; i += 1) {
      expect((requests[i]?.at ?? 0) - (requests[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
    }
  });

  it('send the ids a card waits for before ids asked in the background', async () => {
    let clock = 0;
    const requests: string[][] = [];
    const queue = createArxivLookupQueue({
      now: () => clock,
      sleep: async (ms) => {
        clock += Math.max(ms, 0);
      },
      fetchArxiv: async (ids) => {
        requests.push(ids);
        return new Map(ids.map((id) => [id, null]));
      },
      maxBatch: 2,
    });
    const filling = ['b1', 'b2', 'b3'].map((id) => queue.lookupInBackground(id));
    const hovered = queue.lookup('h1');
    await Promise.all([...filling, hovered]);
    expect(requests).toEqual([
      ['h1', 'b1'],
      ['b2', 'b3'],
    ]);
  });

  it('send one request with the ids and read the answer', async () => {
    const fetchMock = vi.fn(
      async (_url: string | URL | Request) => new Response(fixture('arxiv/query.xml')),
    );
    const found = await arxivFetcher(
      'https://export.arxiv.org/api/query',
      fetchMock as typeof fetch,
    )(['1706.03762', '9999.99999']);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(
      'https://export.arxiv.org/api/query?id_list=1706.03762%2C9999.99999&max_results=2',
    );
    expect(found.get('1706.03762')?.paper.title).toBe('Attention Is All You Need');
    expect(found.get('9999.99999')).toBeNull();
  });
});

describe('fetching a feed', () => {
  it('sends the validators it has and understands "not modified"', async () => {
    const fetchMock = vi.fn(
      async (_url: string | URL | Request, _init?: RequestInit) =>
        new Response(null, { status: 304 }),
    );
    const answer = await fetchFeed('https://huggingface.co/api/daily_papers', {
      fetch: fetchMock as typeof fetch,
      validators: { etag: '"abc"', lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT' },
    });
    expect(answer).toEqual({ kind: 'not-modified' });
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({
      'if-none-match': '"abc"',
      'if-modified-since': 'Wed, 25 Nov 2026 10:00:00 GMT',
    });
  });

  it.each([
    [
      'an HTTP error',
      async () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }),
      /huggingface.co answered 500 Internal Server Error/,
    ],
    [
      'no network',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      /Could not reach huggingface.co/,
    ],
    [
      'a server that never answers',
      (_url: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      /No answer from huggingface.co within/,
    ],
  ])('turns %s into one clear sentence', async (_name, impl, message) => {
    await expect(
      fetchFeed('https://huggingface.co/api/daily_papers', {
        fetch: impl as typeof fetch,
        timeoutMs: 50,
      }),
    ).rejects.toThrow(message);
  });
});

describe('source settings', () => {
  it('fall back field by field and accept only safe feed URLs', () => {
    expect(
      sourceSettingsFrom({
        refreshHours: 5,
        arxivLookups: 'yes',
        feeds: ['https://example.org/feed.json', 'javascript:alert(1)', 'http://example.org/x', 3],
      }),
    ).toEqual({
      huggingFace: true,
      refreshHours: 6,
      arxivLookups: true,
      feeds: ['https://example.org/feed.json'],
    });
    expect(feedUrl('http://127.0.0.1:8080/feed.json')).toBe('http://127.0.0.1:8080/feed.json');
    expect(feedUrl('https://user:pw@example.org/')).toBeNull();
  });

  it('let tests point the services only at the loopback interface', () => {
    expect(
      endpointsFrom({ huggingFace: 'http://127.0.0.1:9000/api/daily_papers' }).huggingFace,
    ).toBe('http://127.0.0.1:9000/api/daily_papers');
    expect(
      endpointsFrom({
        huggingFace: 'https://evil.example/api',
        arxiv: 'http://10.0.0.1/',
        openReview: 'https://openreview.evil.example',
        openAlex: 'javascript:alert(1)',
        // Zotero's server is on this computer: another one's would receive the user's library.
        zotero: 'http://192.168.1.20:23119',
      }),
    ).toEqual({
      huggingFace: 'https://huggingface.co/api/daily_papers',
      arxiv: 'https://export.arxiv.org/api/query',
      openReview: 'https://api2.openreview.net',
      openAlex: 'https://api.openalex.org',
      zotero: 'http://127.0.0.1:23119',
    });
    expect(endpointsFrom({ openAlex: 'http://127.0.0.1:9001/' }).openAlex).toBe(
      'http://127.0.0.1:9001/',
    );
  });
});
