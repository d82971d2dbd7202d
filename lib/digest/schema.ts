/**
 * The PaperPeek digest format (version 1) and its validator. Owns: turning untrusted JSON into
 * clean `Paper`s, or rejecting the whole document with every problem and where it is.
 * Never: writes anything, throws on bad input, or keeps a field it does not know.
 */
import { canonicalArxivId } from '../links/arxiv-id';
import { parseRepoSlug } from '../links/github';
import { normaliseText } from '../text/normalise';

export const DIGEST_FORMAT = 'paperpeek-digest';
export const DIGEST_VERSION = 1;

export interface Paper {
  /** Primary key: the arXiv id without version, or a slug for papers that have none. */
  id: string;
  arxivId?: string;
  title: string;
  abstract: string;
  authors: string[];
  /** ISO 8601 timestamp. */
  publishedAt?: string;
  /** Lowercased GitHub `owner/name`. */
  repos: string[];
  /** Other resources (datasets, project pages): absolute http(s) URLs. */
  links: string[];
  upvotes?: number;
  /** ISO 8601: arXiv's latest version. */
  updatedAt?: string;
  /** arXiv's primary category, `cs.CL`. */
  primaryCategory?: string;
  /** The journal's DOI, lower-cased (arXiv's own is derived from the id). */
  doi?: string;
  journalRef?: string;
  /** Where it was published, as cited: "ICLR 2024", "Findings of EMNLP 2023". */
  venue?: string;
  /** The authors' comment on arXiv ("10 pages, accepted at ICML"). */
  comment?: string;
}

/** The facts a paper may lack in a digest that an arXiv look-up can fill in. */
export const DETAIL_FIELDS = [
  'authors',
  'publishedAt',
  'updatedAt',
  'primaryCategory',
  'doi',
  'journalRef',
  'comment',
] as const;

export interface Digest {
  format: typeof DIGEST_FORMAT;
  version: typeof DIGEST_VERSION;
  generatedAt: string;
  source: string;
  papers: Paper[];
}

export type DigestValidation = { ok: true; digest: Digest } | { ok: false; problems: string[] };

export const LIMITS = {
  papers: 200_000,
  title: 500,
  abstract: 10_000,
  authors: 200,
  author: 200,
  journalRef: 300,
  venue: 120,
  comment: 500,
  repos: 20,
  links: 20,
  url: 2_000,
  source: 200,
  /** Problems reported in full; the rest are counted. */
  problems: 100,
} as const;

const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;

type Problems = string[];

export function validateDigest(input: unknown): DigestValidation {
  const problems: Problems = [];
  if (!isRecord(input)) return { ok: false, problems: ['document: expected a JSON object'] };

  if (input.format !== DIGEST_FORMAT) {
    problems.push(`format: expected "${DIGEST_FORMAT}", found ${describe(input.format)}`);
  }
  if (input.version !== DIGEST_VERSION) {
    problems.push(
      `version: this PaperPeek reads version ${DIGEST_VERSION}, found ${describe(input.version)}`,
    );
  }
  const generatedAt = readTimestamp(input.generatedAt, 'generatedAt', problems, true);
  const source = typeof input.source === 'string' ? normaliseText(input.source, LIMITS.source) : '';
  if (!source)
    problems.push(`source: expected a non-empty string, found ${describe(input.source)}`);

  const papers: Paper[] = [];
  if (!Array.isArray(input.papers)) {
    problems.push(`papers: expected an array, found ${describe(input.papers)}`);
  } else if (input.papers.length > LIMITS.papers) {
    problems.push(`papers: ${input.papers.length} papers, more than the ${LIMITS.papers} allowed`);
  } else {
    const firstIndexOfId = new Map<string, number>();
    input.papers.forEach((raw: unknown, index: number) => {
      const paper = readPaper(raw, `papers[${index}]`, problems);
      if (!paper) return;
      const earlier = firstIndexOfId.get(paper.id);
      if (earlier !== undefined) {
        problems.push(`papers[${index}].id: duplicate of papers[${earlier}] (${paper.id})`);
        return;
      }
      firstIndexOfId.set(paper.id, index);
      papers.push(paper);
    });
  }

  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return {
    ok: true,
    digest: {
      format: DIGEST_FORMAT,
      version: DIGEST_VERSION,
      generatedAt: generatedAt ?? '',
      source,
      papers,
    },
  };
}

/**
 * One paper in the digest's own shape, cleaned; null (with its problems pushed) when invalid.
 * Every source (the Hugging Face API, arXiv answers, imports) ends here, so a paper is checked
 * by one set of rules whatever it came from.
 */
export function readPaper(raw: unknown, path: string, problems: string[]): Paper | null {
  if (!isRecord(raw)) {
    problems.push(`${path}: expected an object, found ${describe(raw)}`);
    return null;
  }
  const before = problems.length;

  let arxivId: string | undefined;
  if (raw.arxivId !== undefined) {
    arxivId = (typeof raw.arxivId === 'string' && canonicalArxivId(raw.arxivId)) || undefined;
    if (!arxivId) problems.push(`${path}.arxivId: not an arXiv id: ${describe(raw.arxivId)}`);
  }

  let id = '';
  if (typeof raw.id !== 'string' || raw.id.trim() === '') {
    problems.push(`${path}.id: missing`);
  } else {
    const asArxiv = canonicalArxivId(raw.id);
    if (asArxiv) {
      id = asArxiv;
      if (arxivId && arxivId !== asArxiv) {
        problems.push(`${path}.id: ${asArxiv} does not match arxivId ${arxivId}`);
      }
      arxivId = asArxiv;
    } else if (arxivId) {
      problems.push(`${path}.id: must be the arXiv id ${arxivId} when arxivId is given`);
    } else if (SLUG.test(raw.id)) {
      id = raw.id;
    } else {
      problems.push(
        `${path}.id: ${describe(raw.id)} is neither an arXiv id nor a slug (a-z, 0-9, -)`,
      );
    }
  }

  const title = readText(raw.title, `${path}.title`, LIMITS.title, problems);
  const abstract = readText(raw.abstract, `${path}.abstract`, LIMITS.abstract, problems);
  const authors = readList(
    raw.authors,
    `${path}.authors`,
    LIMITS.authors,
    problems,
    (value, at) => {
      const name = typeof value === 'string' ? normaliseText(value, LIMITS.author) : '';
      if (!name) problems.push(`${at}: expected a name, found ${describe(value)}`);
      return name || null;
    },
  );
  const repos = readList(raw.repos, `${path}.repos`, LIMITS.repos, problems, (value, at) => {
    const repo = typeof value === 'string' ? parseRepoSlug(value) : null;
    if (!repo) problems.push(`${at}: expected a GitHub owner/name, found ${describe(value)}`);
    return repo;
  });
  const links = readList(raw.links, `${path}.links`, LIMITS.links, problems, (value, at) => {
    const link = typeof value === 'string' ? readHttpUrl(value) : null;
    if (!link) problems.push(`${at}: expected an http(s) URL, found ${describe(value)}`);
    return link;
  });
  const publishedAt = readTimestamp(raw.publishedAt, `${path}.publishedAt`, problems, false);
  let upvotes: number | undefined;
  if (raw.upvotes !== undefined) {
    if (typeof raw.upvotes === 'number' && Number.isSafeInteger(raw.upvotes) && raw.upvotes >= 0) {
      upvotes = raw.upvotes;
    } else {
      problems.push(`${path}.upvotes: expected a whole number ≥ 0, found ${describe(raw.upvotes)}`);
    }
  }

  const updatedAt = readTimestamp(raw.updatedAt, `${path}.updatedAt`, problems, false);
  const primaryCategory = readOptional(
    raw.primaryCategory,
    `${path}.primaryCategory`,
    problems,
    (value) => (/^[a-z-]{2,20}(?:\.[A-Za-z-]{2,20})?$/.test(value) ? value : null),
  );
  const doi = readOptional(raw.doi, `${path}.doi`, problems, (value) =>
    // As registered (`10.18653/v1/N19-1423`): DOIs match in any case, and citations print them.
    /^10\.\d{4,9}\/\S{1,200}$/.test(value.trim()) ? value.trim() : null,
  );
  const journalRef = readOptional(
    raw.journalRef,
    `${path}.journalRef`,
    problems,
    (value) => normaliseText(value, LIMITS.journalRef) || null,
  );
  const venue = readOptional(
    raw.venue,
    `${path}.venue`,
    problems,
    (value) => normaliseText(value, LIMITS.venue) || null,
  );
  const comment = readOptional(
    raw.comment,
    `${path}.comment`,
    problems,
    (value) => normaliseText(value, LIMITS.comment) || null,
  );

  if (problems.length > before) return null;
  const paper: Paper = {
    id,
    title,
    abstract,
    authors,
    repos: unique(repos),
    links: unique(links),
  };
  if (arxivId) paper.arxivId = arxivId;
  if (publishedAt) paper.publishedAt = publishedAt;
  if (upvotes !== undefined) paper.upvotes = upvotes;
  if (updatedAt) paper.updatedAt = updatedAt;
  if (primaryCategory) paper.primaryCategory = primaryCategory;
  if (doi) paper.doi = doi;
  if (journalRef) paper.journalRef = journalRef;
  if (venue) paper.venue = venue;
  if (comment) paper.comment = comment;
  return paper;
}

/** An optional text field: absent is fine; present must read as `read` says. */
/**
 * Adds the optional `facts` to `paper` (read from `raw`) one at a time, each through the same
 * rules: a fact that does not read is dropped, and does not cost the paper (for services'
 * answers, whose optional fields are not ours to vouch for).
 */
export function withOptionalFacts(
  paper: Paper,
  raw: Record<string, unknown>,
  path: string,
  facts: Record<string, string | undefined>,
): Paper {
  for (const [field, value] of Object.entries(facts)) {
    if (value === undefined) continue;
    const read = readPaper({ ...raw, [field]: value }, path, [])?.[field as keyof Paper];
    if (read !== undefined) Object.assign(paper, { [field]: read });
  }
  return paper;
}

function readOptional(
  value: unknown,
  path: string,
  problems: Problems,
  read: (value: string) => string | null,
): string | undefined {
  if (value === undefined) return undefined;
  const found = typeof value === 'string' ? read(value) : null;
  if (found === null) problems.push(`${path}: not usable: ${describe(value)}`);
  return found ?? undefined;
}

function readText(value: unknown, path: string, max: number, problems: Problems): string {
  if (value === undefined || value === null) {
    problems.push(`${path}: missing`);
    return '';
  }
  if (typeof value !== 'string') {
    problems.push(`${path}: expected text, found ${describe(value)}`);
    return '';
  }
  const text = normaliseText(value, max);
  if (!text) problems.push(`${path}: empty`);
  return text;
}

/** Optional lists may be absent; present ones must be arrays within the cap. */
function readList<T>(
  value: unknown,
  path: string,
  max: number,
  problems: Problems,
  readItem: (item: unknown, itemPath: string) => T | null,
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${path}: expected an array, found ${describe(value)}`);
    return [];
  }
  if (value.length > max) {
    problems.push(`${path}: ${value.length} entries, more than the ${max} allowed`);
    return [];
  }
  const items: T[] = [];
  value.forEach((item: unknown, index: number) => {
    const read = readItem(item, `${path}[${index}]`);
    if (read !== null) items.push(read);
  });
  return items;
}

function readTimestamp(
  value: unknown,
  path: string,
  problems: Problems,
  required: boolean,
): string | undefined {
  if (value === undefined && !required) return undefined;
  const time = typeof value === 'string' && value.length <= 40 ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    problems.push(`${path}: expected an ISO 8601 date, found ${describe(value)}`);
    return undefined;
  }
  return new Date(time).toISOString();
}

export function readHttpUrl(value: string): string | null {
  if (value.length > LIMITS.url) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function capProblems(problems: Problems): string[] {
  if (problems.length <= LIMITS.problems) return problems;
  const shown = problems.slice(0, LIMITS.problems);
  shown.push(`…and ${problems.length - LIMITS.problems} more problems`);
  return shown;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe description of a bad value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = normaliseText(value, 40);
    return shown ? JSON.stringify(shown) : 'an empty string';
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
