/**
 * The one message protocol between the extension's contexts. Owns: message names, request and
 * response shapes, validation of incoming requests, and the sender check. Never: trusts a message
 * it has not validated, or lets an exception cross the boundary (errors travel as data).
 */
import type { Paper } from './digest/schema';
import type { SourceState } from './db';
import { parsePaperKey, type PaperKey } from './paper-key';

export const MAX_LOOKUP_KEYS = 500;

export interface DigestStatus {
  paperCount: number;
  sources: SourceState[];
}

export interface ProtocolMap {
  /** Papers for the given keys; keys with no paper are absent from the answer. */
  lookup: { request: { keys: PaperKey[] }; response: Partial<Record<PaperKey, Paper>> };
  status: { request: Record<string, never>; response: DigestStatus };
}

export type MessageType = keyof ProtocolMap;
export type Request<K extends MessageType = MessageType> = {
  [T in K]: { type: T; data: ProtocolMap[T]['request'] };
}[K];

export interface ProtocolError {
  code: 'bad-request' | 'forbidden' | 'failed';
  message: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export type Handlers = {
  [K in MessageType]: (data: ProtocolMap[K]['request']) => Promise<ProtocolMap[K]['response']>;
};

/** Checks an incoming message against the protocol; returns the typed request or why not. */
export function parseRequest(raw: unknown): Request | ProtocolError {
  if (typeof raw !== 'object' || raw === null) return badRequest('not an object');
  const { type, data } = raw as { type?: unknown; data?: unknown };
  switch (type) {
    case 'lookup': {
      const keys = (data as { keys?: unknown } | undefined)?.keys;
      if (!Array.isArray(keys)) return badRequest('lookup: data.keys must be an array');
      if (keys.length > MAX_LOOKUP_KEYS) {
        return badRequest(`lookup: at most ${MAX_LOOKUP_KEYS} keys per message`);
      }
      const parsed: PaperKey[] = [];
      for (const key of keys) {
        const paperKey = parsePaperKey(key);
        if (!paperKey) return badRequest(`lookup: not a paper key: ${preview(key)}`);
        parsed.push(paperKey);
      }
      return { type, data: { keys: parsed } };
    }
    case 'status':
      return { type, data: {} };
    default:
      return badRequest(`unknown message type: ${preview(type)}`);
  }
}

export interface MessageSender {
  id?: string;
}

/**
 * Builds the worker's single runtime.onMessage listener. Only the extension's own contexts
 * (content scripts, popup, options) have `sender.id` equal to our id; web pages cannot reach
 * runtime.onMessage at all because the manifest declares no `externally_connectable`.
 */
export function createMessageListener(
  handlers: Handlers,
  extensionId: string,
): (raw: unknown, sender: MessageSender, sendResponse: (reply: Reply<unknown>) => void) => true {
  return (raw, sender, sendResponse) => {
    void answer(handlers, extensionId, raw, sender).then(sendResponse);
    // Keeps the channel open for the asynchronous reply (Chrome ignores returned promises).
    return true;
  };
}

async function answer(
  handlers: Handlers,
  extensionId: string,
  raw: unknown,
  sender: MessageSender,
): Promise<Reply<unknown>> {
  if (sender.id !== extensionId) {
    return { ok: false, error: { code: 'forbidden', message: 'message from another extension' } };
  }
  const request = parseRequest(raw);
  if ('code' in request) return { ok: false, error: request };
  try {
    const handler = handlers[request.type] as (data: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(request.data) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message } };
  }
}

export class ProtocolRequestError extends Error {
  constructor(readonly error: ProtocolError) {
    super(error.message);
    this.name = 'ProtocolRequestError';
  }
}

type Send = (message: Request) => Promise<unknown>;

/** Sends a typed request and unwraps the reply; an error reply becomes a ProtocolRequestError. */
export async function sendRequest<K extends MessageType>(
  send: Send,
  type: K,
  data: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  const reply = (await send({ type, data } as Request)) as
    Reply<ProtocolMap[K]['response']> | undefined;
  if (!reply) {
    throw new ProtocolRequestError({ code: 'failed', message: 'no answer from PaperPeek' });
  }
  if (!reply.ok) throw new ProtocolRequestError(reply.error);
  return reply.value;
}

/** A value from an untrusted message, for an error text; never calls the value's own methods. */
function preview(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 80) : `(${typeof value})`;
}

function badRequest(message: string): ProtocolError {
  return { code: 'bad-request', message };
}
