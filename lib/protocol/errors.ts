/**
 * Errors as they cross the message boundary: data with a code, never a lost exception. Owns: the
 * error codes and the typed error both sides throw. Never: imports anything.
 */

export interface ProtocolError {
  code: 'bad-request' | 'forbidden' | 'not-found' | 'failed';
  message: string;
}

/** An error reply, or an error a handler throws on purpose to reach the sender with its code. */
export class ProtocolRequestError extends Error {
  constructor(readonly error: ProtocolError) {
    super(error.message);
    this.name = 'ProtocolRequestError';
  }
}

export function badRequest(message: string): ProtocolError {
  return { code: 'bad-request', message };
}
