/**
 * What the reader opens and how it refuses: its address (`?file=`, `#page=`), the bytes it is
 * handed or fetches, the links of a PDF it lets through, and the last page it remembers.
 */
import { describe, expect, it } from 'vitest';
import { readerSource, requestedPage } from '@/lib/reader/address';
import { isReaderLinkAllowed } from '@/lib/reader/links';
import { checkedPdf, fetchPdf, looksLikePdf, PdfUnavailable } from '@/lib/reader/pdf-bytes';
import { lastPage, positionKey, rememberPage, POSITIONS_KEY } from '@/lib/reader/positions';

describe('the reader’s address', () => {
  it.each([
    ['?file=https://arxiv.org/pdf/2307.06948v2', 'https://arxiv.org/pdf/2307.06948v2', false],
    ['?file=http://arxiv.org/pdf/2307.06948', 'https://arxiv.org/pdf/2307.06948', false],
    [
      '?file=https%3A%2F%2Fexport.arxiv.org%2Fpdf%2Fhep-th%2F9901001',
      'https://export.arxiv.org/pdf/hep-th/9901001',
      false,
    ],
    ['?file=https://openreview.net/pdf?id=abc', 'https://openreview.net/pdf?id=abc', true],
    ['?file=http://127.0.0.1:8080/paper.pdf', 'http://127.0.0.1:8080/paper.pdf', true],
  ])('%s opens %s (permission asked: %s)', (search, url, needsPermission) => {
    expect(readerSource(search)).toMatchObject({ kind: 'url', url, needsPermission });
  });

  it.each([
    ['?file=javascript:alert(1)', /not javascript: ones/],
    ['?file=data:application/pdf;base64,JVBERi0=', /not data: ones/],
    ['?file=file:///etc/passwd', /not file: ones/],
    ['?file=not a url', /not a web address/],
    ['?file=https://user:pw@example.org/a.pdf', /password/],
  ])('%s opens nothing, and says why', (search, reason) => {
    const source = readerSource(search);
    expect(source.kind).toBe('invalid');
    if (source.kind === 'invalid') expect(source.reason).toMatch(reason);
  });

  it('opens nothing without a file', () => {
    expect(readerSource('')).toEqual({ kind: 'none' });
    expect(readerSource('?file=')).toEqual({ kind: 'none' });
  });

  it.each([
    ['#page=12', 12],
    ['#zoom=100&page=3', 3],
    ['#page=x', null],
    ['', null],
  ])('%s asks for page %s', (hash, page) => expect(requestedPage(hash)).toBe(page));
});

describe('the links of a PDF the reader lets through', () => {
  it.each([
    ['https://arxiv.org/abs/2307.06948', true],
    ['http://example.org/', true],
    ['#cite.vaswani2017attention', true],
    ['javascript:app.alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['file:///C:/Windows/system32', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://user:pw@example.org/', false],
    ['mailto:someone@example.org', false],
  ])('%s: %s', (href, allowed) => expect(isReaderLinkAllowed(href)).toBe(allowed));
});

describe('the bytes of a PDF', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
  it('takes a PDF, one with a little junk before its header too', () => {
    expect(looksLikePdf(pdf)).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode(`\n\n junk %PDF-1.4`))).toBe(true);
  });

  it.each([
    [
      new TextEncoder().encode('<!doctype html><title>404</title>'),
      'x.pdf is a web page, not a PDF.',
    ],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'x.pdf is a PNG image, not a PDF.'],
    [new TextEncoder().encode('hello'), 'x.pdf is not a PDF.'],
    [new Uint8Array(), 'x.pdf is empty.'],
  ])('refuses what is not one, saying what it is', (bytes, message) => {
    expect(() => checkedPdf(bytes, 'x.pdf')).toThrow(message);
  });

  const answer =
    (status: number, body: BodyInit = pdf) =>
    async () =>
      new Response(body, { status });
  it.each([
    [answer(404), 'There is no PDF at this address (404).'],
    [answer(500), 'example.org answered 500: no PDF.'],
    [answer(200, '<html>login</html>'), 'What this address gave is a web page, not a PDF.'],
    [
      async () => {
        throw new TypeError('Failed to fetch');
      },
      'example.org could not be reached. Check your connection and try again.',
    ],
  ])('says why a fetch gave no PDF', async (fetchImpl, message) => {
    await expect(fetchPdf('https://example.org/a.pdf', fetchImpl as typeof fetch)).rejects.toThrow(
      new PdfUnavailable(message),
    );
  });

  it('gives up on a server that does not answer, and says so', async () => {
    const hanging = (_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    await expect(
      fetchPdf('https://example.org/a.pdf', hanging as typeof fetch, 20),
    ).rejects.toThrow('example.org did not answer within 0.02 seconds.');
  });

  it('returns the bytes of a PDF it fetched', async () => {
    expect(await fetchPdf('https://example.org/a.pdf', answer(200) as typeof fetch)).toEqual(pdf);
  });
});

describe('the last page read', () => {
  function memory() {
    const stored: Record<string, unknown> = {};
    return {
      stored,
      get: async (key: string) => ({ [key]: stored[key] }),
      set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
    };
  }

  it('is remembered per paper, every version and mirror of an arXiv paper as one', async () => {
    const area = memory();
    const key = positionKey({ url: 'https://arxiv.org/pdf/2307.06948v2', arxivId: '2307.06948' });
    expect(key).toBe('arxiv:2307.06948');
    await rememberPage(area, key, 7);
    expect(await lastPage(area, 'arxiv:2307.06948')).toBe(7);
    expect(await lastPage(area, 'arxiv:2005.14165')).toBeNull();
    expect(positionKey({ file: { name: 'a.pdf', size: 10 } })).toBe('file:a.pdf:10');
  });

  it('keeps the newest 500 and reads untrusted storage safely', async () => {
    const area = memory();
    area.stored[POSITIONS_KEY] = { bad: { page: -1, at: 1 }, worse: 'x', good: { page: 2, at: 1 } };
    expect(await lastPage(area, 'bad')).toBeNull();
    expect(await lastPage(area, 'good')).toBe(2);
    for (let i = 0; i < 510; i += 1) await rememberPage(area, `p${i}`, 1, 1_000 + i);
    const kept = Object.keys(area.stored[POSITIONS_KEY] as object);
    expect(kept).toHaveLength(500);
    expect(kept).toContain('p509');
    expect(kept).not.toContain('p0');
  });
});
