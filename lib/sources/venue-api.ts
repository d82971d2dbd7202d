/**
 * Looking up papers by their venue pages, for venue links no digest paper lists: OpenReview's
 * public API for forum ids, OpenAlex (open, no key) for DOIs, which also covers the ACL Anthology
 * (its papers have DOIs). Owns: reading each answer into a validated paper, and pacing requests.
 * Never: trusts an answer (every paper goes through the digest's `readPaper`), or sends anything
 * but the forum id or DOI of the link hovered.
 */
import { readPaper, withOptionalFacts, type Paper } from '../digest/schema';
import { arxivIdFromUrl } from '../links/arxiv';
import type { VenueKey } from '../links/venue';
import { fetchFeed } from './http';

export type VenueService = 'OpenReview' | 'OpenAlex';

/** What a venue look-up asks and of whom: null for keys no service answers (PMLR, CVF, ...). */
export function venueQuery(
  key: VenueKey,
): { service: 'OpenReview'; forumId: string } | { service: 'OpenAlex'; doi: string } | null {
  if (key.startsWith('openreview:')) {
    return { service: 'OpenReview', forumId: key.slice('openreview:'.length) };
  }
  if (key.startsWith('doi:')) return { service: 'OpenAlex', doi: key.slice('doi:'.length) };
  // Anthology papers are registered under ACL's DOI prefix.
  if (key.startsWith('acl:')) {
    // The key keeps the Anthology id's own case (`N19-1423`, `2020.acl-main.1`), as registered.
    return { service: 'OpenAlex', doi: `10.18653/v1/${key.slice('acl:'.length)}` };
  }
  return null;
}

/** What a service said: a paper, a paper with no abstract to show, or nothing. */
export type VenueAnswer = { paper: Paper } | { noAbstract: string } | null;

/**
 * The id a looked-up paper is kept and saved under: its arXiv id when the service knows an arXiv
 * version (the same paper as its arXiv link: one reading-list entry), else a slug of its key.
 */
function paperId(key: VenueKey, arxivId: string | null): string {
  if (arxivId) return arxivId;
  return key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

/** A paper from a service's fields, or null when they do not make a valid one. */
function validPaper(
  key: VenueKey,
  fields: {
    title: string;
    abstract: string;
    authors: string[];
    publishedAt?: string;
    venue?: string;
    doi?: string;
    arxivId: string | null;
    page: string;
  },
): Paper | null {
  const id = paperId(key, fields.arxivId);
  const base = {
    id,
    title: fields.title,
    abstract: fields.abstract,
    authors: fields.authors.filter((name) => name.trim() !== '').slice(0, 200),
    repos: [],
    // The page asked about: the paper's venue keys then include the key it was found by.
    links: [fields.page],
  };
  const paper = readPaper(base, key, []);
  if (!paper) return null;
  // Optional facts one at a time: one that does not read does not cost the paper.
  return withOptionalFacts(paper, base, key, {
    publishedAt: fields.publishedAt,
    venue: fields.venue,
    doi: fields.doi,
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ---------- OpenReview ----------

/** API v2 wraps each field as `{ value }`; API v1 (older venues) has the value itself. */
function field(content: Record<string, unknown>, name: string): unknown {
  const raw = content[name];
  return isRecord(raw) && 'value' in raw ? raw.value : raw;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The paper of an OpenReview `/notes?id=` answer, for the forum `forumId`. */
export function paperFromOpenReview(answer: unknown, forumId: string): VenueAnswer {
  const notes = isRecord(answer) && Array.isArray(answer.notes) ? answer.notes : [];
  const note = notes.find(
    (candidate): candidate is Record<string, unknown> =>
      isRecord(candidate) && (candidate.id === forumId || candidate.forum === forumId),
  );
  if (!note || !isRecord(note.content)) return null;
  const { content } = note;
  const key: VenueKey = `openreview:${forumId}`;
  const title = text(field(content, 'title'));
  const abstract = text(field(content, 'abstract'));
  if (title && !abstract.trim()) return { noAbstract: title };
  const authors = field(content, 'authors');
  // The publication date, else the creation date (milliseconds since 1970).
  const time = [note.pdate, note.odate, note.cdate].find(
    (value): value is number => typeof value === 'number' && value > 0,
  );
  const venue = text(field(content, 'venue'));
  const paper = validPaper(key, {
    title,
    abstract,
    authors: Array.isArray(authors) ? authors.map(text) : [],
    ...(time ? { publishedAt: new Date(time).toISOString() } : {}),
    // "Submitted to ICLR 2024" is not where it was published.
    ...(venue && !/^submitted to\b/i.test(venue) ? { venue } : {}),
    arxivId: null,
    page: `https://openreview.net/forum?id=${encodeURIComponent(forumId)}`,
  });
  return paper ? { paper } : null;
}

// ---------- OpenAlex ----------

/** OpenAlex keeps abstracts as an inverted index (word → positions): the text put back. */
export function abstractFromInvertedIndex(index: unknown): string {
  if (!isRecord(index)) return '';
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) {
      // Bounded: a hostile answer cannot make a huge sparse array.
      if (Number.isInteger(position) && position >= 0 && position < 20_000) words[position] = word;
    }
  }
  return words.filter((word) => word !== undefined).join(' ');
}

/** The paper of an OpenAlex `/works/doi:<doi>` answer. */
export function paperFromOpenAlex(answer: unknown, key: VenueKey, doi: string): VenueAnswer {
  if (!isRecord(answer)) return null;
  const title = text(answer.display_name) || text(answer.title);
  const abstract = abstractFromInvertedIndex(answer.abstract_inverted_index);
  if (title && !abstract) return { noAbstract: title };
  const authorships = Array.isArray(answer.authorships) ? answer.authorships : [];
  const authors = authorships.map((authorship) =>
    isRecord(authorship) && isRecord(authorship.author) ? text(authorship.author.display_name) : '',
  );
  // An arXiv version among its locations makes it the same paper as its arXiv link.
  const locations = Array.isArray(answer.locations) ? answer.locations : [];
  let arxivId: string | null = null;
  for (const location of locations) {
    if (!isRecord(location)) continue;
    for (const url of [location.landing_page_url, location.pdf_url]) {
      try {
        arxivId ??= typeof url === 'string' ? arxivIdFromUrl(new URL(url)) : null;
      } catch {
        // not a URL: skipped
      }
    }
  }
  const primary = isRecord(answer.primary_location) ? answer.primary_location : {};
  const source = isRecord(primary.source) ? primary.source : {};
  const sourceName = text(source.display_name);
  const year = typeof answer.publication_year === 'number' ? answer.publication_year : undefined;
  // arXiv as the primary location is no venue.
  const venue =
    sourceName && !/arxiv/i.test(sourceName)
      ? year && !sourceName.includes(String(year))
        ? `${sourceName} ${year}`
        : sourceName
      : undefined;
  const date = text(answer.publication_date);
  const paper = validPaper(key, {
    title,
    abstract,
    authors,
    ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? { publishedAt: `${date}T00:00:00.000Z` } : {}),
    ...(venue ? { venue } : {}),
    doi,
    arxivId,
    page: `https://doi.org/${doi}`,
  });
  return paper ? { paper } : null;
}

// ---------- Fetching ----------

export interface VenueEndpoints {
  openReview: string;
  openAlex: string;
}

export type AskVenue = (key: VenueKey) => Promise<VenueAnswer>;

/** Asks the service for `key`; throws a FeedError when it cannot be reached or refuses. */
export function venueFetcher(endpoints: () => Promise<VenueEndpoints>, fetchImpl?: typeof fetch) {
  return async (key: VenueKey): Promise<VenueAnswer> => {
    const query = venueQuery(key);
    if (!query) return null;
    const { openReview, openAlex } = await endpoints();
    const url =
      query.service === 'OpenReview'
        ? new URL(`${openReview.replace(/\/$/, '')}/notes`)
        : new URL(`${openAlex.replace(/\/$/, '')}/works/doi:${encodeURIComponent(query.doi)}`);
    if (query.service === 'OpenReview') url.searchParams.set('id', query.forumId);
    let answer;
    try {
      answer = await fetchFeed(url.href, {
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
        accept: 'application/json',
        timeoutMs: 15_000,
        maxBytes: 2_000_000,
      });
    } catch (error) {
      // Both answer an unknown id or DOI with 404 (OpenReview sometimes with 400 or 403).
      const status = (error as { status?: number }).status;
      if (status === 404 || (query.service === 'OpenReview' && (status === 400 || status === 403)))
        return null;
      throw error;
    }
    if (answer.kind !== 'body') return null;
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      return null;
    }
    return query.service === 'OpenReview'
      ? paperFromOpenReview(json, query.forumId)
      : paperFromOpenAlex(json, key, query.doi);
  };
}

/**
 * Runs tasks one at a time, at least `minGapMs` apart: neither service publishes a rule as
 * strict as arXiv's, but a page of venue links must not become a burst of requests.
 */
export function pacedQueue({
  minGapMs = 1_000,
  now = Date.now,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: { minGapMs?: number; now?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
  let last = -Infinity;
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(async () => {
      const wait = last + minGapMs - now();
      if (wait > 0) await sleep(wait);
      last = now();
      return task();
    });
    tail = run.catch(() => undefined);
    return run;
  };
}
