/**
 * The sending side of the protocol for extension pages and content scripts, bound to the real
 * `browser.runtime`.
 */
import { browser } from 'wxt/browser';
import type { MessageType, ProtocolMap, Request } from './messages';
import { sendRequest } from './client';

export function requestFromWorker<K extends MessageType>(
  type: K,
  data: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  return sendRequest((message: Request) => browser.runtime.sendMessage(message), type, data);
}
