/**
 * Fetching a feed. Owns: the timeout, conditional requests (`If-None-Match`,
 * `If-Modified-Since`), a size limit, and turning every failure into one clear sentence.
 * Never: throws anything but a `FeedError`, or reads a body larger than the limit.
 */

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FeedAnswer =
  { kind: 'not-modified' } | { kind: 'body'; text: string; validators: Validators };

export class FeedError extends Error {
  override name = 'FeedError';
  /** The HTTP status of an error answer; absent when there was no answer at all. */
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchFeedOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  validators?: Validators;
  maxBytes?: number;
  accept?: string;
}

export const FEED_TIMEOUT_MS = 20_000;
const MAX_FEED_BYTES = 50_000_000;

export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FeedAnswer> {
  const {
    fetch: fetchImpl = fetch,
    timeoutMs = FEED_TIMEOUT_MS,
    validators = {},
    maxBytes = MAX_FEED_BYTES,
    accept = 'application/json',
  } = options;
  const host = hostOf(url);
  const headers: Record<string, string> = { accept };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-cache',
        redirect: 'follow',
      });
    } catch {
      throw new FeedError(
        controller.signal.aborted
          ? `No answer from ${host} within ${Math.round(timeoutMs / 1000)} s.`
          : `Could not reach ${host} (offline, or the address is wrong).`,
      );
    }
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      throw new FeedError(
        `${host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        response.status,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) throw new FeedError(`${host} sent more than ${maxBytes} bytes.`);
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new FeedError(
        controller.signal.aborted
          ? `${host} did not finish its answer within ${Math.round(timeoutMs / 1000)} s.`
          : `The answer from ${host} broke off.`,
      );
    }
    if (text.length > maxBytes) throw new FeedError(`${host} sent more than ${maxBytes} bytes.`);
    const next: Validators = {};
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) next.etag = etag.slice(0, 200);
    if (lastModified) next.lastModified = lastModified.slice(0, 100);
    return { kind: 'body', text, validators: next };
  } finally {
    clearTimeout(timer);
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the feed';
  }
}
