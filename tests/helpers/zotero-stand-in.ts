/**
 * A stand-in for Zotero desktop's connector server on 127.0.0.1: it answers `/connector/ping`
 * and `/connector/saveItems` as Zotero does (or as a Zotero that is old, read-only or failing
 * does) and records every request, headers and body, for the tests to read field by field.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type StandInBehaviour =
  /** Zotero 7: saves and answers 201. */
  | 'zotero'
  /** A Zotero without the connector endpoints (404 on both). */
  | 'outdated'
  /** The library selected in Zotero cannot be written. */
  | 'read-only'
  /** An internal error on save. */
  | 'error';

export async function startZoteroStandIn(behaviour: StandInBehaviour = 'zotero') {
  const requests: RecordedRequest[] = [];
  let mode = behaviour;
  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        // kept as text
      }
      const path = request.url ?? '';
      requests.push({ path, method: request.method ?? '', headers: request.headers, body });
      const json = (status: number, value?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (mode === 'outdated') return json(404);
      if (path === '/connector/ping') {
        return json(200, {
          prefs: { downloadAssociatedFiles: true, supportsAttachmentUpload: true },
        });
      }
      if (path === '/connector/saveItems') {
        if (mode === 'read-only') return json(500, { libraryEditable: false });
        if (mode === 'error') return json(500);
        return json(201);
      }
      return json(404);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    saves: () => requests.filter((request) => request.path === '/connector/saveItems'),
    behave(next: StandInBehaviour) {
      mode = next;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** An address on 127.0.0.1 where nothing listens: Zotero is not running. */
export async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}
