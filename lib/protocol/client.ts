/**
 * The sending side of the message protocol: one typed call, error replies turned into typed
 * errors. Kept apart from lib/messages.ts so the content script does not carry the validators.
 */
import type { MessageType, ProtocolError, ProtocolMap, Reply, Request } from './messages';

/** An error reply, or an error a handler throws on purpose to reach the sender with its code. */
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
