/**
 * The digest formats PaperPeek reads, from a feed or a file: this project's digest JSON, a
 * Hugging Face Daily Papers API response (a JSON array), and the text of a Daily Papers page.
 * Owns: telling them apart and turning each into validated papers, with what was skipped and why.
 * Never: trusts a field (every paper goes through the digest's own `readPaper`), or fetches.
 */
import { importDailyPapersPage, parseIdTable } from '../digest/daily-papers-page';
import { LIMITS, readPaper, validateDigest, type Paper } from '../digest/schema';
import { canonicalArxivId } from '../links/arxiv-id';
import { repoFromGithubUrl } from '../links/github';

export type DigestFormat = 'paperpeek-digest' | 'hugging-face-api' | 'daily-papers-page';

export const FORMAT_NAMES: Record<DigestFormat, string> = {
  'paperpeek-digest': 'PaperPeek digest',
  'hugging-face-api': 'Hugging Face Daily Papers API response',
  'daily-papers-page': 'Daily Papers page text',
};

export type ParsedPapers =
  | {
      ok: true;
      format: DigestFormat;
      papers: Paper[];
      /** Items left out (invalid or duplicate), each with its reason; the rest are usable. */
      skipped: string[];
      /**
       * Optional fields dropped from papers that were kept (a `githubRepo` that is no GitHub
       * repository, a `projectPage` that is no http(s) URL), each with where and why.
       */
      dropped: string[];
      generatedAt?: string;
    }
  | { ok: false; format?: DigestFormat; problems: string[] };

const MAX_SKIPPED_SHOWN = 50;

/** What a digest file can be, said when a file is none of them. */
export const WHAT_IMPORT_TAKES =
  'Import takes a PaperPeek digest (.json), a Hugging Face Daily Papers API response (.json) or the text of a Daily Papers page (.txt).';

/**
 * What a file that is no digest is, from its first characters: a reader who picked a paper's PDF
 * or a BibTeX file by mistake is told that, not that a Daily Papers page has no papers.
 */
export function fileKind(text: string): string | null {
  const head = text.slice(0, 1_000);
  if (head.startsWith('%PDF-')) return 'a PDF document';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive (or an Office document)';
  if (/^\uFFFDPNG|^GIF8[79]a|^\uFFFD\uFFFD\uFFFD|^RIFF....WEBP/s.test(head)) return 'an image';
  if (
    /^\s*@(?:article|inproceedings|misc|book|incollection|phdthesis|techreport|online)\s*\{/i.test(
      head,
    )
  )
    return 'a BibTeX file';
  if (/^\s*TY {2}- /.test(head)) return 'a RIS file';
  // eslint-disable-next-line no-control-regex
  const binary = (head.match(/[\u0000-\u0008\u000e-\u001a\uFFFD]/g) ?? []).length;
  if (binary > 8) return 'a binary file';
  return null;
}

/**
 * Papers from the body of a feed or a file, whatever its format. `idTable` (title → arXiv id)
 * gives page text its ids; papers of a page that the table lacks keep a slug id.
 */
export function parsePapers(text: string, idTable = ''): ParsedPapers {
  const trimmed = text.trimStart();
  if (trimmed === '') return { ok: false, problems: [`The file is empty. ${WHAT_IMPORT_TAKES}`] };
  const kind = fileKind(trimmed);
  if (kind) return { ok: false, problems: [`This is ${kind}, not a digest. ${WHAT_IMPORT_TAKES}`] };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return {
        ok: false,
        problems: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`],
      };
    }
    return papersFromJson(json);
  }
  if (/^\s*</.test(trimmed)) {
    return {
      ok: false,
      problems: [
        'This looks like HTML or XML: save the page as text, or the API response as JSON.',
      ],
    };
  }
  return papersFromPageText(text, idTable);
}

export function papersFromJson(json: unknown): ParsedPapers {
  if (Array.isArray(json)) return papersFromHuggingFace(json);
  if (typeof json === 'object' && json !== null && 'format' in json) {
    const checked = validateDigest(json);
    return checked.ok
      ? {
          ok: true,
          format: 'paperpeek-digest',
          papers: checked.digest.papers,
          skipped: [],
          dropped: [],
          generatedAt: checked.digest.generatedAt,
        }
      : { ok: false, format: 'paperpeek-digest', problems: checked.problems };
  }
  return {
    ok: false,
    problems: [
      'Not a format PaperPeek reads: expected a PaperPeek digest (an object with "format": "paperpeek-digest") or a Hugging Face Daily Papers API response (an array).',
    ],
  };
}

/**
 * A Daily Papers API response: items with `paper` {id, title, summary, authors[{name}],
 * publishedAt, upvotes, githubRepo?, projectPage?}. Items without a usable id, title or abstract
 * are skipped, not fatal: one odd paper must not keep a day's other papers out. An optional
 * field that cannot be used is dropped and the paper kept; each drop is reported. An answer with
 * no usable paper is an error.
 */
export function papersFromHuggingFace(items: unknown[]): ParsedPapers {
  const format = 'hugging-face-api';
  if (items.length > LIMITS.papers) {
    return { ok: false, format, problems: [`${items.length} items, more than ${LIMITS.papers}`] };
  }
  const papers: Paper[] = [];
  const skipped: string[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  items.forEach((item: unknown, index) => {
    const problems: string[] = [];
    const paper = readPaper(
      usableOptionalFields(fromHuggingFaceItem(item), `[${index}]`, dropped),
      `[${index}]`,
      problems,
    );
    if (!paper) skipped.push(problems.join('; '));
    else if (seen.has(paper.id)) skipped.push(`[${index}]: ${paper.id} listed twice`);
    else {
      seen.add(paper.id);
      papers.push(paper);
    }
  });
  if (papers.length === 0) {
    return {
      ok: false,
      format,
      problems:
        items.length === 0 ? ['The answer lists no papers.'] : capped(skipped, 'No usable paper:'),
    };
  }
  return { ok: true, format, papers, skipped: capped(skipped), dropped };
}

/** Fields a paper can do without: one that does not read is dropped, not the paper. */
const OPTIONAL_FIELDS: Record<string, string> = {
  repos: 'githubRepo is not a GitHub repository',
  links: 'projectPage is not an http(s) URL',
  publishedAt: 'publishedAt is not a date',
  upvotes: 'upvotes is not a count',
  authors: 'authors is not a list of names',
};

/**
 * `raw` without the optional fields that the digest's own validator refuses, each drop noted in
 * `dropped`. The required fields are left as they are: the validator stays strict about those.
 */
function usableOptionalFields(raw: unknown, path: string, dropped: string[]): unknown {
  if (!isRecord(raw)) return raw;
  const kept: Record<string, unknown> = { ...raw };
  for (const [field, why] of Object.entries(OPTIONAL_FIELDS)) {
    if (kept[field] === undefined) continue;
    // The field alone, on a paper whose required fields are known to be fine.
    const probe = { id: 'probe', title: 'probe', abstract: 'probe', [field]: kept[field] };
    if (readPaper(probe, path, [])) continue;
    kept[field] = undefined; // the validator reads an absent field as absent
    const title = typeof raw.title === 'string' ? raw.title.trim() : '';
    const which = title
      ? `“${title.length > 56 ? `${title.slice(0, 55).trimEnd()}…` : title}”`
      : path;
    dropped.push(`${which}: ${why} (${describeValue(raw, field)}); dropped`);
  }
  return kept;
}

function describeValue(raw: Record<string, unknown>, field: string): string {
  const value = raw[field];
  // Lists of one (the repo, the page) read better as their item.
  const shown: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
  const text = typeof shown === 'string' ? shown : (JSON.stringify(shown) ?? '');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function fromHuggingFaceItem(item: unknown): unknown {
  if (!isRecord(item)) return item;
  const paper = isRecord(item.paper) ? item.paper : {};
  const id = typeof paper.id === 'string' ? paper.id : undefined;
  // A URL on Hugging Face; the digest keeps `owner/name` (an unreadable one fails validation).
  const repo = typeof paper.githubRepo === 'string' ? repoOf(paper.githubRepo) : undefined;
  const page = typeof paper.projectPage === 'string' ? paper.projectPage : undefined;
  return {
    id,
    arxivId: id && canonicalArxivId(id) ? id : undefined,
    title: paper.title ?? item.title,
    abstract: paper.summary,
    authors: Array.isArray(paper.authors)
      ? paper.authors.map((author: unknown) => (isRecord(author) ? author.name : author))
      : paper.authors,
    publishedAt: paper.publishedAt ?? item.publishedAt,
    repos: repo ? [repo] : undefined,
    links: page ? [page] : undefined,
    upvotes: paper.upvotes,
  };
}

function repoOf(value: string): string {
  try {
    return repoFromGithubUrl(new URL(value)) ?? value;
  } catch {
    return value;
  }
}

function papersFromPageText(text: string, idTable: string): ParsedPapers {
  const format = 'daily-papers-page';
  const imported = importDailyPapersPage(text, parseIdTable(idTable), {
    generatedAt: new Date(0).toISOString(),
    source: 'page',
  });
  const checked = validateDigest(imported.digest);
  if (!checked.ok) return { ok: false, format, problems: checked.problems };
  if (checked.digest.papers.length === 0) {
    // No paper at all: nothing says it is a Daily Papers page, so it is not called one.
    return {
      ok: false,
      problems: [
        `No papers found in this text. A Daily Papers page has a title line, a blank line and an abstract paragraph for each paper. ${WHAT_IMPORT_TAKES}`,
      ],
    };
  }
  return {
    ok: true,
    format,
    papers: checked.digest.papers,
    dropped: [],
    skipped: imported.titlesWithoutId.map(
      (title) => `"${title}": no arXiv id known, kept under a title slug`,
    ),
  };
}

function capped(lines: string[], heading?: string): string[] {
  const shown = lines.slice(0, MAX_SKIPPED_SHOWN);
  if (lines.length > MAX_SKIPPED_SHOWN) shown.push(`…and ${lines.length - MAX_SKIPPED_SHOWN} more`);
  return heading ? [heading, ...shown] : shown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
