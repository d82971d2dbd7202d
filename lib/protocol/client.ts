/**
 * The sending side of the contract, for the content script and the extension pages: one typed
 * call, error replies turned into typed errors. Never: carries the validators (the content script
 * does not need them).
 */
import { browser } from 'wxt/browser';
import { ProtocolRequestError } from './errors';
import type { MessageType, ProtocolMap, Reply, Request } from './messages';

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

/** `sendRequest` bound to the real `browser.runtime`. */
export function requestFromWorker<K extends MessageType>(
  type: K,
  data: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  return sendRequest((message: Request) => browser.runtime.sendMessage(message), type, data);
}
