/**
 * Serves the end-to-end fixture pages on 127.0.0.1: static files from tests/fixtures/pages, plus
 * pages generated from the link tables; `/never/…` is never answered, `/slow/…` after 1.5 s. Per-page response headers (a strict CSP) come from a
 * `<!-- headers: {...} -->` first line.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, normalize, resolve } from 'node:path';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

export interface FixtureServer {
  url(path: string): string;
  /** Adds or replaces a generated page. */
  page(path: string, body: string | Uint8Array, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const generated = new Map<
    string,
    { html: string | Uint8Array; headers: Record<string, string> }
  >();
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      // A third party that never answers (a slow ad or tracker script): the request stays open.
      if (path.startsWith('/never/')) return;
      // One that answers, an empty script, after a second and a half.
      if (path.startsWith('/slow/')) {
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'text/javascript' }).end('');
        }, 1_500);
        return;
      }
      const page = generated.get(path) ?? (await readStatic(path));
      if (!page) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers })
        .end(page.html);
    })();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    page: (path, html, headers = {}) => void generated.set(path, { html, headers }),
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

async function readStatic(
  path: string,
): Promise<{ html: string; headers: Record<string, string> } | null> {
  const file = normalize(join(PAGES, path));
  if (!file.startsWith(PAGES)) return null;
  try {
    const html = await readFile(file, 'utf8');
    const declared = /^<!-- headers: (\{.*\}) -->/.exec(html);
    return {
      html,
      headers: declared?.[1] ? (JSON.parse(declared[1]) as Record<string, string>) : {},
    };
  } catch {
    return null;
  }
}
