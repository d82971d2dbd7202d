/**
 * Talking to Zotero desktop the way the Zotero Connector does: its local server
 * (`http://127.0.0.1:23119`), `/connector/ping` to find it and `/connector/saveItems` to save,
 * with the connector's API version header. Owns: the requests, their time limits, and turning
 * every answer (none, an old Zotero, a read-only library, an error) into one outcome with a
 * sentence for the user. Never: asks for the permission (the page the user clicked does) or
 * retries a save that Zotero may have carried out.
 */
import type { ZoteroItem } from './item';
import { zoteroProblem, type ZoteroOutcome, type ZoteroProblem } from './outcome';

export const ZOTERO_URL = 'http://127.0.0.1:23119';
/** What the browser must allow: Zotero's server, on whatever port it was moved to. */
export const ZOTERO_ORIGIN = 'http://127.0.0.1/*';
/** The connector protocol's version these requests follow (Zotero's CONNECTOR_API_VERSION). */
const CONNECTOR_API_VERSION = '3';
const PING_TIMEOUT_MS = 3_000;
// Zotero answers once the items are in its database (it fetches the PDFs afterwards).
const SAVE_TIMEOUT_MS = 30_000;

export interface ZoteroConnectorDeps {
  fetch: typeof fetch;
  /** Zotero's server; tests point it at a stand-in. */
  baseUrl?: string;
  /** A fresh session id per save (Zotero refuses one it has seen). */
  sessionId?: () => string;
}

function headers(): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'X-Zotero-Connector-API-Version': CONNECTOR_API_VERSION,
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export function createZoteroConnector(deps: ZoteroConnectorDeps) {
  const base = (deps.baseUrl ?? ZOTERO_URL).replace(/\/+$/, '');
  // Called on its own, not as `deps.fetch(…)`: the browser's fetch throws when `this` is not
  // the global object.
  const send = deps.fetch;
  const sessionId =
    deps.sessionId ??
    (() => `paperpeek-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

  /** Whether a Zotero that can take items answers; null when it can. */
  async function ping(): Promise<ZoteroProblem | null> {
    let response: Response;
    try {
      response = await send(`${base}/connector/ping`, {
        method: 'POST',
        headers: headers(),
        body: '{}',
        signal: AbortSignal.timeout(PING_TIMEOUT_MS),
      });
    } catch {
      return 'not-running';
    }
    if (response.ok) return null;
    return response.status === 404 ? 'outdated' : 'failed';
  }

  async function saveItems(items: ZoteroItem[], pageUrl: string): Promise<ZoteroOutcome> {
    if (items.length === 0) return { ok: true, saved: 0, message: 'Nothing to save.' };
    const problem = await ping();
    if (problem) return zoteroProblem(problem);
    let response: Response;
    try {
      response = await send(`${base}/connector/saveItems`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ sessionID: sessionId(), uri: pageUrl, items }),
        signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
      });
    } catch {
      // Zotero answered the ping a moment ago: it is there, but the save did not come back.
      return zoteroProblem('failed');
    }
    if (response.status === 201 || response.status === 200) {
      const saved = items.length;
      return {
        ok: true,
        saved,
        message: saved === 1 ? 'Saved to Zotero.' : `Saved ${saved} papers to Zotero.`,
      };
    }
    const body = await readJson(response);
    const record =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (record.libraryEditable === false) return zoteroProblem('read-only');
    if (response.status === 404 || record.error === 'CONNECTOR_VERSION_OUTDATED') {
      return zoteroProblem('outdated');
    }
    return zoteroProblem('failed');
  }

  return { ping, saveItems };
}

export type ZoteroConnector = ReturnType<typeof createZoteroConnector>;
