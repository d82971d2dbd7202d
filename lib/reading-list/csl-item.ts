/**
 * A CSL item: CSL-JSON's object for one reference. On its own so that the message contract (and
 * with it the content script) can name it without reaching the reading list's code.
 */
export type CslItem = Record<string, unknown> & { id: string };
