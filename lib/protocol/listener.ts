/**
 * The worker's side of the contract: one runtime.onMessage listener that checks who sent a
 * message and what it is, calls its handler, and replies with data. Owns: the sender check.
 * Never: lets an exception cross the boundary (errors are replies), or answers a privileged
 * message from a content script.
 */
import { describeStorageError } from '../storage-errors';
import { ProtocolRequestError } from './errors';
import { PRIVILEGED, type Handlers, type MessageSender, type Reply } from './messages';
import { parseRequest } from './validate';

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
