/**
 * What a bibliography entry's text says of the paper it cites: an arXiv id in any of the ways
 * papers write one, a DOI, the links in it, and the pieces that may be its title. Owns: reading
 * the text as typeset (line breaks inside URLs and ids, hyphens at line ends). Never: decides
 * which paper it is (the worker matches against the digest) or fetches.
 */
import { canonicalArxivId } from '../links/arxiv-id';

export interface ReferenceFacts {
  /** Canonical arXiv id (`2104.06486`, `hep-th/9901001`). */
  arxivId?: string;
  /** A DOI, as written (`10.18653/v1/N19-1423`); arXiv's own DOIs give `arxivId` instead. */
  doi?: string;
  /** http(s) addresses written in the entry, put back together across line breaks. */
  urls: string[];
  /** Sentences that may be the title, longest first, for a match against the digest. */
  titleCandidates: string[];
}

/** Joins an entry's lines as a reader would: a hyphen at a line's end joins a broken word. */
export function joinEntryLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!text) text = line;
    // `Dhari-` + `wal` is one word; `Vision-` + `Language` keeps its hyphen; an address broken
    // after `/` or `.` goes on without a space.
    else if (/[a-z]-$/.test(text) && /^[a-z]/.test(line)) text = text.slice(0, -1) + line;
    else if (/(?:https?:\/\/\S*[/.\-_]|-)$/.test(text)) text += line;
    else text += ` ${line}`;
  }
  return text.replace(/\s+/g, ' ');
}

// `arXiv:2104.06486`, `arXiv preprint arXiv:2104.06486v2`, `arXiv: 2104.06486`,
// `arXiv:hep-th/9901001`, `CoRR abs/1909.07755`, `arxiv.org/abs/...`, `arxiv.org/pdf/....pdf`.
const ARXIV_PATTERNS = [
  /arxiv\s*:\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i,
  /arxiv\.org\/(?:abs|pdf|html)\/\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i,
  /\babs\/\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i,
  /\barxiv\b[^0-9]{0,40}?\b(\d{4}\.\d{4,5})(v\d+)?\b/i,
];
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/i;
const URL = /\bhttps?:\/\/[^\s"<>]+/gi;

/** What the text of one bibliography entry says of its paper. */
export function referenceFacts(text: string): ReferenceFacts {
  const facts: ReferenceFacts = { urls: [], titleCandidates: titleCandidates(text) };
  for (const pattern of ARXIV_PATTERNS) {
    const id = canonicalArxivId(pattern.exec(text)?.[1] ?? '');
    if (id) {
      facts.arxivId = id;
      break;
    }
  }
  for (const match of text.matchAll(URL)) facts.urls.push(trimTrailing(match[0]));
  const doi = DOI.exec(text)?.[1];
  if (doi) {
    const clean = trimTrailing(doi);
    const arxivDoi = /^10\.48550\/arxiv\.(.+)$/i.exec(clean);
    if (arxivDoi) facts.arxivId ??= canonicalArxivId(arxivDoi[1] ?? '') ?? undefined;
    else facts.doi = clean;
  }
  return facts;
}

/** A sentence's closing punctuation (and a bracket the entry closed) is not part of an id. */
function trimTrailing(value: string): string {
  return value.replace(/[.,;:)\]}]+$/, '');
}

const INITIAL = /(?:^|[\s,(.-])(?:[A-Z]|Ch|Th|Sh|Zh)\.$/;
const NOT_A_TITLE =
  /^(?:In\b|In:|Proceedings\b|Proc\.|Advances\b|arXiv\b|CoRR\b|Journal\b|Trans\.|doi\b|https?:|pp\b|pages\b|vol\b|volume\b|\d)/i;

/**
 * The sentences of an entry that can be its title, likeliest first: a quoted title (`“…”`, as
 * biblatex and APA set it), then the sentences after the author list (split at a full stop, a
 * question or an exclamation mark followed by a space, never after an initial such as `B.`),
 * without the venue (`In …`), numbers, addresses and DOIs.
 */
export function titleCandidates(text: string): string[] {
  const quoted = [...text.matchAll(/[“"]([^”"]{8,300}?)[”"]/g)].map((match) =>
    (match[1] ?? '').replace(/[.,]$/, '').trim(),
  );
  const sentences: string[] = [];
  let current = '';
  for (const part of text.split(/(?<=[.?!])\s+/)) {
    current = current ? `${current} ${part}` : part;
    // `et al.` ends an author list; an initial does not end a sentence.
    if (/\bet al\.$/.test(current) || !INITIAL.test(current)) {
      sentences.push(current);
      current = '';
    }
  }
  if (current) sentences.push(current);
  const candidates = sentences
    .slice(sentences.length > 1 ? 1 : 0)
    .map((sentence) => sentence.replace(/[.]$/, '').trim())
    .filter(
      (sentence) =>
        (sentence.match(/\p{L}{3,}/gu) ?? []).length >= 2 && !NOT_A_TITLE.test(sentence),
    );
  // The first sentence after the authors is the title in nearly every style; a title with a
  // full stop of its own is found by two sentences together.
  const joined = candidates.slice(0, -1).map((sentence, i) => `${sentence}. ${candidates[i + 1]}`);
  const byKey = new Map<string, string>();
  for (const candidate of [...quoted, ...candidates, ...joined]) {
    const key = titleKey(candidate);
    if (!byKey.has(key)) byKey.set(key, candidate);
  }
  return [...byKey.values()];
}

/**
 * A title as the digest and an entry are compared: letters and digits only, lower case. Spaces
 * and hyphens go too: TeX breaks `few-shot` after its hyphen, and the line's end cannot say
 * whether that hyphen was the word's own (`few-` `shot`) or TeX's (`Dhari-` `wal`).
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
