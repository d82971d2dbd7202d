/**
 * Stand-ins for Hugging Face, the arXiv API, OpenReview and OpenAlex on 127.0.0.1, for the end-to-end tests: the
 * extension is pointed at them through its test-only endpoint override. Each answers as the
 * test tells it, and records what it was asked.
 */
import { createServer, type Server } from 'node:http';

export type DailyPapersMode = 'papers' | 'error-500' | 'garbage' | 'empty' | 'hang-up';

export interface StandInServices {
  huggingFaceUrl: string;
  arxivUrl: string;
  openReviewUrl: string;
  openAlexUrl: string;
  /** OpenReview notes the stand-in knows, by forum id (answered as API v2's `/notes?id=`). */
  openReviewNotes: Map<string, unknown>;
  /** OpenAlex works the stand-in knows, by lower-cased DOI (`/works/doi:<doi>`). */
  openAlexWorks: Map<string, unknown>;
  /** How /api/daily_papers answers from now on. */
  dailyPapers(mode: DailyPapersMode, body?: unknown): void;
  /** Atom entries the arXiv stand-in knows, by id. */
  arxivEntries: Map<string, string>;
  /** The HTTP status of the arXiv stand-in's next answers (200 when empty). */
  arxivStatuses: number[];
  requests: string[];
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'if-none-match, if-modified-since, accept',
};

export async function startStandInServices(): Promise<StandInServices> {
  let mode: DailyPapersMode = 'papers';
  let body: unknown = [];
  const arxivEntries = new Map<string, string>();
  const arxivStatuses: number[] = [];
  const openReviewNotes = new Map<string, unknown>();
  const openAlexWorks = new Map<string, unknown>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS).end();
      return;
    }
    requests.push(url.pathname + url.search);
    if (url.pathname === '/api/daily_papers') {
      if (mode === 'hang-up') {
        request.socket.destroy();
        return;
      }
      if (mode === 'error-500') {
        response.writeHead(500, CORS).end('Internal error');
        return;
      }
      const text =
        mode === 'garbage'
          ? '<html>Bad gateway</html>'
          : JSON.stringify(mode === 'empty' ? [] : body);
      response.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(text);
      return;
    }
    if (url.pathname === '/api/query') {
      const status = arxivStatuses.shift() ?? 200;
      if (status !== 200) {
        response.writeHead(status, CORS).end('Rate exceeded.');
        return;
      }
      const ids = (url.searchParams.get('id_list') ?? '').split(',');
      const entries = ids.map((id) => arxivEntries.get(id) ?? '').join('\n');
      response
        .writeHead(200, { ...CORS, 'content-type': 'application/atom+xml' })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">${entries}</feed>`,
        );
      return;
    }
    if (url.pathname === '/openreview/notes') {
      const note = openReviewNotes.get(url.searchParams.get('id') ?? '');
      response
        .writeHead(note ? 200 : 404, { ...CORS, 'content-type': 'application/json' })
        .end(JSON.stringify(note ? { notes: [note] } : { name: 'NotFoundError' }));
      return;
    }
    if (url.pathname.startsWith('/openalex/works/doi:')) {
      const doi = decodeURIComponent(url.pathname.slice('/openalex/works/doi:'.length));
      const work = openAlexWorks.get(doi.toLowerCase());
      response
        .writeHead(work ? 200 : 404, { ...CORS, 'content-type': 'application/json' })
        .end(JSON.stringify(work ?? { error: 'not found' }));
      return;
    }
    response.writeHead(404, CORS).end();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    huggingFaceUrl: `http://127.0.0.1:${port}/api/daily_papers`,
    arxivUrl: `http://127.0.0.1:${port}/api/query`,
    openReviewUrl: `http://127.0.0.1:${port}/openreview`,
    openAlexUrl: `http://127.0.0.1:${port}/openalex`,
    openReviewNotes,
    openAlexWorks,
    dailyPapers(next, nextBody) {
      mode = next;
      if (nextBody !== undefined) body = nextBody;
    },
    arxivEntries,
    arxivStatuses,
    requests,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
