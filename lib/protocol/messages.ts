/**
 * The one message protocol between the extension's contexts. Owns: message names, request and
 * response shapes, validation of incoming requests, and the sender check. Never: trusts a message
 * it has not validated, or lets an exception cross the boundary (errors travel as data).
 */
import type { CardView } from '../content/card/view';
import type { SourceState } from '../db';
import type { Paper } from '../digest/schema';
import type { LinkFacts } from '../links/paper-link';
import { parsePaperKey, type PaperKey } from '../links/paper-key';
import { ProtocolRequestError } from './client';
import { describeStorageError } from '../storage-errors';
import type { ImportSummary } from '../sources/digest-jobs';
import type { RefreshOutcome } from '../sources/refresh';

export const MAX_KEYS_PER_MESSAGE = 500;
const MAX_FIELD_LENGTH = 4_000;

export interface DigestStatus {
  paperCount: number;
  sources: SourceState[];
}

/** A paper, and whether it is in the reading list. */
export interface PaperHit {
  paper: Paper;
  saved: boolean;
}

export interface ProtocolMap {
  /** Papers for the given keys; keys with no paper are absent from the answer. */
  lookup: { request: { keys: PaperKey[] }; response: Partial<Record<PaperKey, PaperHit>> };
  /**
   * The content script's question about links on a page: which paper each names (`keys`, aligned
   * with `links`, null for none) and the papers of those in the digest (`hits`).
   */
  resolveLinks: {
    request: { links: LinkFacts[] };
    response: { keys: (PaperKey | null)[]; cards: Partial<Record<PaperKey, CardView>> };
  };
  /** Adds a digest paper to the reading list (an entry already there is left as it is). */
  save: { request: { paperId: string }; response: { saved: true } };
  /** How many distinct digest papers a frame links to, for the toolbar badge. */
  pageSummary: { request: { knownKeys: PaperKey[] }; response: null };
  status: { request: Record<string, never>; response: DigestStatus };
  /** The reading list changed here (popup edits): sync it soon. Resolves once it is scheduled. */
  syncReadingList: { request: Record<string, never>; response: null };
  /**
   * The card for a hovered arXiv link the digest lacks: from the cache of earlier answers or,
   * when the user allows it, the arXiv API. Null when there is none.
   */
  fetchPaper: { request: { key: PaperKey }; response: CardView | null };
  // Extension pages only (see PRIVILEGED): these change the digest.
  refreshNow: { request: Record<string, never>; response: RefreshOutcome[] };
  importBegin: { request: { label: string }; response: { importId: string } };
  importChunk: {
    request: { importId: string; papers: unknown[] };
    response: { accepted: number; skipped: number };
  };
  importCommit: { request: { importId: string }; response: ImportSummary };
  clearDigest: { request: Record<string, never>; response: null };
}

/** Messages only the extension's own pages may send: a content script runs inside web pages. */
export const PRIVILEGED: ReadonlySet<MessageType> = new Set([
  'refreshNow',
  'importBegin',
  'importChunk',
  'importCommit',
  'clearDigest',
]);
export const MAX_PAPERS_PER_CHUNK = 5_000;

export type MessageType = keyof ProtocolMap;
export type Request<K extends MessageType = MessageType> = {
  [T in K]: { type: T; data: ProtocolMap[T]['request'] };
}[K];

export interface ProtocolError {
  code: 'bad-request' | 'forbidden' | 'not-found' | 'failed';
  message: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/** What the worker knows of who sent a message. */
export interface MessageSender {
  id?: string;
  /** The sending document's URL: an extension page's starts with the extension's origin. */
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

export type Handlers = {
  [K in MessageType]: (
    data: ProtocolMap[K]['request'],
    sender: MessageSender,
  ) => Promise<ProtocolMap[K]['response']>;
};

/** Checks an incoming message against the protocol; returns the typed request or why not. */
export function parseRequest(raw: unknown): Request | ProtocolError {
  if (!isRecord(raw)) return badRequest('not an object');
  const { type } = raw;
  const data = isRecord(raw.data) ? raw.data : {};
  switch (type) {
    case 'lookup': {
      const keys = readKeys(data.keys, 'lookup: data.keys');
      return Array.isArray(keys) ? { type, data: { keys } } : keys;
    }
    case 'pageSummary': {
      const keys = readKeys(data.knownKeys, 'pageSummary: data.knownKeys');
      return Array.isArray(keys) ? { type, data: { knownKeys: keys } } : keys;
    }
    case 'resolveLinks': {
      const { links } = data;
      if (!Array.isArray(links)) return badRequest('resolveLinks: data.links must be an array');
      if (links.length > MAX_KEYS_PER_MESSAGE) {
        return badRequest(`resolveLinks: at most ${MAX_KEYS_PER_MESSAGE} links per message`);
      }
      const facts: LinkFacts[] = [];
      for (const link of links) {
        const read = readLinkFacts(link);
        if (!read) return badRequest('resolveLinks: each link needs a string href');
        facts.push(read);
      }
      return { type, data: { links: facts } };
    }
    case 'save': {
      const { paperId } = data;
      if (typeof paperId !== 'string' || paperId.length === 0 || paperId.length > 200) {
        return badRequest('save: data.paperId must be a paper id');
      }
      return { type, data: { paperId } };
    }
    case 'status':
    case 'syncReadingList':
    case 'refreshNow':
    case 'clearDigest':
      return { type, data: {} };
    case 'fetchPaper': {
      const key = parsePaperKey(data.key);
      if (!key?.startsWith('arxiv:'))
        return badRequest('fetchPaper: data.key must be an arxiv: key');
      return { type, data: { key } };
    }
    case 'importBegin': {
      const { label } = data;
      if (typeof label !== 'string') return badRequest('importBegin: data.label must be text');
      return { type, data: { label: label.slice(0, 200) } };
    }
    case 'importChunk': {
      const { importId, papers } = data;
      if (typeof importId !== 'string' || importId.length > 100) {
        return badRequest('importChunk: data.importId must be an import id');
      }
      if (!Array.isArray(papers) || papers.length > MAX_PAPERS_PER_CHUNK) {
        return badRequest(
          `importChunk: data.papers must be an array of at most ${MAX_PAPERS_PER_CHUNK}`,
        );
      }
      return { type, data: { importId, papers } };
    }
    case 'importCommit': {
      const { importId } = data;
      if (typeof importId !== 'string' || importId.length > 100) {
        return badRequest('importCommit: data.importId must be an import id');
      }
      return { type, data: { importId } };
    }
    default:
      return badRequest(`unknown message type: ${preview(type)}`);
  }
}

/**
 * Builds the worker's single runtime.onMessage listener. Only the extension's own contexts
 * (content scripts, popup, options) have `sender.id` equal to our id; web pages cannot reach
 * runtime.onMessage at all because the manifest declares no `externally_connectable`.
 */
export function createMessageListener(
  handlers: Handlers,
  extensionId: string,
  /** `runtime.getURL('')`: extension pages' URLs start with it, content scripts' never do. */
  extensionOrigin: string = `chrome-extension://${extensionId}/`,
): (raw: unknown, sender: MessageSender, sendResponse: (reply: Reply<unknown>) => void) => true {
  return (raw, sender, sendResponse) => {
    void answer(handlers, extensionId, extensionOrigin, raw, sender).then(sendResponse);
    // Keeps the channel open for the asynchronous reply (Chrome ignores returned promises).
    return true;
  };
}

async function answer(
  handlers: Handlers,
  extensionId: string,
  extensionOrigin: string,
  raw: unknown,
  sender: MessageSender,
): Promise<Reply<unknown>> {
  if (sender.id !== extensionId) {
    return { ok: false, error: { code: 'forbidden', message: 'message from another extension' } };
  }
  const request = parseRequest(raw);
  if ('code' in request) return { ok: false, error: request };
  if (PRIVILEGED.has(request.type) && !sender.url?.startsWith(extensionOrigin)) {
    return {
      ok: false,
      error: { code: 'forbidden', message: `${request.type} is for the extension's own pages` },
    };
  }
  try {
    const handler = handlers[request.type] as (
      data: unknown,
      sender: MessageSender,
    ) => Promise<unknown>;
    return { ok: true, value: await handler(request.data, sender) };
  } catch (error) {
    if (error instanceof ProtocolRequestError) return { ok: false, error: error.error };
    // Names (QuotaExceededError, ...) do not survive the message: say what they mean here.
    return { ok: false, error: { code: 'failed', message: describeStorageError(error) } };
  }
}

function readKeys(value: unknown, path: string): PaperKey[] | ProtocolError {
  if (!Array.isArray(value)) return badRequest(`${path} must be an array`);
  if (value.length > MAX_KEYS_PER_MESSAGE) {
    return badRequest(`${path}: at most ${MAX_KEYS_PER_MESSAGE} keys per message`);
  }
  const keys: PaperKey[] = [];
  for (const key of value) {
    const paperKey = parsePaperKey(key);
    if (!paperKey) return badRequest(`${path}: not a paper key: ${preview(key)}`);
    keys.push(paperKey);
  }
  return keys;
}

function readLinkFacts(value: unknown): LinkFacts | null {
  if (!isRecord(value) || typeof value.href !== 'string') return null;
  const facts: LinkFacts = { href: value.href.slice(0, MAX_FIELD_LENGTH) };
  for (const field of ['baseUrl', 'text', 'title', 'expandedUrl'] as const) {
    const fieldValue = value[field];
    if (typeof fieldValue === 'string') facts[field] = fieldValue.slice(0, MAX_FIELD_LENGTH);
  }
  return facts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value from an untrusted message, for an error text; never calls the value's own methods. */
function preview(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 80) : `(${typeof value})`;
}

function badRequest(message: string): ProtocolError {
  return { code: 'bad-request', message };
}
