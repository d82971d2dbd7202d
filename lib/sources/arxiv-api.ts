/**
 * Looking up papers that no digest has, through the arXiv API (Atom). Owns: reading an Atom
 * answer into validated papers, batching ids, and arXiv's rule of at most one request every
 * three seconds. Never: runs for a paper the digest has (the caller asks only on a miss), or
 * trusts the answer (every paper goes through the digest's `readPaper`).
 *
 * The worker has no DOMParser, so the Atom is read with a small tolerant scanner: it needs only
 * a few elements' text, and anything it cannot read is skipped, never guessed.
 */
import { extractAbstractLinks } from '../digest/abstract-links';
import { readPaper, withOptionalFacts, type Paper } from '../digest/schema';
import { canonicalArxivId } from '../links/arxiv-id';
import { fetchFeed } from './http';

export const ARXIV_MIN_GAP_MS = 3_000;
export const ARXIV_MAX_BATCH = 20;
const BATCH_WINDOW_MS = 150;

export interface AtomPaper {
  paper: Paper;
  primaryCategory?: string;
}

/** The papers of an arXiv API answer; entries that are errors or unreadable are left out. */
export function papersFromAtom(xml: string): AtomPaper[] {
  const found: AtomPaper[] = [];
  for (const entry of elements(xml, 'entry')) {
    const idUrl = text(entry, 'id');
    const match = /arxiv\.org\/abs\/(.+)$/i.exec(idUrl);
    const arxivId = match ? canonicalArxivId(match[1] ?? '') : null;
    if (!arxivId) continue; // arXiv reports a bad id as an entry whose id is an error URL
    const abstract = text(entry, 'summary');
    const categoryTerm = /<arxiv:primary_category\b[^>]*\bterm="([^"]{1,40})"/.exec(entry)?.[1];
    const category = categoryTerm ? decodeEntities(categoryTerm) : undefined;
    const raw = {
      id: arxivId,
      arxivId,
      title: text(entry, 'title'),
      abstract,
      authors: elements(entry, 'author').map((author) => text(author, 'name')),
      publishedAt: text(entry, 'published') || undefined,
      ...extractAbstractLinks(abstract),
    };
    const paper = readPaper(raw, arxivId, []);
    if (!paper) continue;
    // The optional facts one at a time: one arXiv cannot be read does not cost the paper.
    withOptionalFacts(paper, raw, arxivId, {
      updatedAt: text(entry, 'updated') || undefined,
      primaryCategory: category,
      doi: text(entry, 'arxiv:doi') || undefined,
      journalRef: text(entry, 'arxiv:journal_ref') || undefined,
      comment: text(entry, 'arxiv:comment') || undefined,
    });
    found.push(category ? { paper, primaryCategory: category } : { paper });
  }
  return found;
}

/** The inner XML of every `<name ...>...</name>` (not nested in itself: Atom's are not). */
function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

function text(xml: string, name: string): string {
  const inner = elements(xml, name)[0] ?? '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  const raw = cdata ? (cdata[1] ?? '') : decodeEntities(inner.replace(/<[^>]*>/g, ''));
  return raw.replace(/\s+/g, ' ').trim();
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Asks the arXiv API about ids; null for an id it does not know. */
export type FetchArxiv = (ids: string[]) => Promise<Map<string, AtomPaper | null>>;

export function arxivFetcher(endpoint: string, fetchImpl?: typeof fetch): FetchArxiv {
  return async (ids) => {
    const url = new URL(endpoint);
    url.searchParams.set('id_list', ids.join(','));
    url.searchParams.set('max_results', String(ids.length));
    const answer = await fetchFeed(url.href, {
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      accept: 'application/atom+xml',
      timeoutMs: 15_000,
      maxBytes: 5_000_000,
    });
    const papers = new Map<string, AtomPaper | null>(ids.map((id) => [id, null]));
    if (answer.kind === 'body') {
      for (const found of papersFromAtom(answer.text)) {
        if (papers.has(found.paper.id)) papers.set(found.paper.id, found);
      }
    }
    return papers;
  };
}

export interface LookupQueueOptions {
  fetchArxiv: FetchArxiv;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  minGapMs?: number;
  windowMs?: number;
  maxBatch?: number;
}

/**
 * Ids asked for within a short window go out in one request, and requests are at least
 * `minGapMs` apart however many callers ask: arXiv asks for one request every three seconds.
 */
export function createArxivLookupQueue({
  fetchArxiv,
  now = Date.now,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  minGapMs = ARXIV_MIN_GAP_MS,
  windowMs = BATCH_WINDOW_MS,
  maxBatch = ARXIV_MAX_BATCH,
}: LookupQueueOptions) {
  type Waiter = { resolve(found: AtomPaper | null): void; reject(error: unknown): void };
  const waiting = new Map<string, Waiter[]>();
  // Ids asked for in the background (filling in digest papers): sent only in the room a request
  // has after the ids someone is waiting for on a card.
  const background = new Set<string>();
  let lastRequestAt = -Infinity;
  let draining = false;

  async function drain(): Promise<void> {
    if (draining) return;
    draining = true;
    try {
      while (waiting.size > 0) {
        await sleep(Math.max(windowMs, lastRequestAt + minGapMs - now()));
        const keys = [...waiting.keys()];
        const ids = [
          ...keys.filter((id) => !background.has(id)),
          ...keys.filter((id) => background.has(id)),
        ].slice(0, maxBatch);
        const waiters = ids.map((id) => [id, waiting.get(id) ?? []] as const);
        for (const id of ids) {
          waiting.delete(id);
          background.delete(id);
        }
        lastRequestAt = now();
        try {
          const found = await fetchArxiv(ids);
          for (const [id, list] of waiters)
            for (const waiter of list) waiter.resolve(found.get(id) ?? null);
        } catch (error) {
          for (const [, list] of waiters) for (const waiter of list) waiter.reject(error);
        }
      }
    } finally {
      draining = false;
    }
  }

  const ask = (arxivId: string, inBackground: boolean): Promise<AtomPaper | null> =>
    new Promise((resolve, reject) => {
      const list = waiting.get(arxivId);
      if (list) list.push({ resolve, reject });
      else waiting.set(arxivId, [{ resolve, reject }]);
      if (inBackground && !list) background.add(arxivId);
      else if (!inBackground) background.delete(arxivId);
      void drain();
    });

  return {
    /** For a card someone is waiting for: goes first. */
    lookup: (arxivId: string) => ask(arxivId, false),
    /** For filling in digest papers: after every card's id. */
    lookupInBackground: (arxivId: string) => ask(arxivId, true),
  };
}
