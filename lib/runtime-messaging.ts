/**
 * The sending side of the protocol for extension pages and content scripts, bound to the real
 * `browser.runtime`. Owns nothing else; lib/messages.ts holds the protocol itself.
 */
import { browser } from 'wxt/browser';
import { sendRequest, type MessageType, type ProtocolMap, type Request } from './messages';

export function requestFromWorker<K extends MessageType>(
  type: K,
  data: ProtocolMap[K]['request'],
): Promise<ProtocolMap[K]['response']> {
  return sendRequest((message: Request) => browser.runtime.sendMessage(message), type, data);
}
