/**
 * What a hover card shows of a paper, prepared in the worker so the content script only renders
 * text: readable TeX, an author line, a date, and links that passed the URL allow-list.
 * Never: produces an href that `safeHref` has not returned.
 */
import type { Paper } from '../../digest/schema';
import { arxivIdMonth } from '../../links/arxiv-id';
import { safeHref } from '../../safe-url';
import { readableTex } from '../../text/tex';
import { paperVenue } from '../../digest/venue';
import type { VenueKey } from '../../links/venue';

export interface CardLink {
  label: string;
  href: string;
}

export interface CardView {
  paperId: string;
  title: string;
  /** Authors (the first three, then "et al.") and date, e.g. "A. Author, B. Author · May 2020". */
  meta: string;
  /** Where it was published, when known: "NeurIPS 2020". */
  venue?: string;
  abstract: string;
  links: CardLink[];
  saved: boolean;
  /** Where the paper came from, said on the card ("From your digest"). */
  from: string;
  /** A card with no abstract (a paper no digest has): why, and what the user can do. */
  missing?: MissingAbstract;
}

export interface MissingAbstract {
  reason: string;
  /** Trying again may help (the service was unreachable or asked to wait). */
  retry: boolean;
  /** What a retry that got no further says. */
  stillMissing: string;
  /** Look-ups are off: the card offers the settings that turn them on. */
  settings?: boolean;
}

/** Why a hovered arXiv link has no abstract to show (sources/paper-lookup.ts decides). */
export type MissingReason = 'lookups-off' | 'not-on-arxiv' | 'unreachable' | 'rate-limited';

/** Why there is no abstract, in the user's words, and what the user can do about it. */
function missingAbstract(
  service: string,
  why: MissingReason | VenueMissingReason,
): MissingAbstract {
  switch (why) {
    case 'lookups-off':
      return {
        reason: `Not in your digest. ${service === 'arXiv' ? 'arXiv look-ups are' : 'Look-ups are'} off, so nothing was sent to ${service}: turn them on in PaperPeek’s settings to see abstracts of other papers.`,
        retry: false,
        stillMissing: '',
        settings: true,
      };
    case 'not-on-arxiv':
      return { reason: 'arXiv has no paper with this id.', retry: false, stillMissing: '' };
    case 'not-found':
      return { reason: `${service} has no paper for this link.`, retry: false, stillMissing: '' };
    case 'no-abstract':
      return {
        reason: `${service} knows this paper but has no abstract for it.`,
        retry: false,
        stillMissing: '',
      };
    case 'unreachable':
      return {
        reason: `Not in your digest, and ${service} could not be reached.`,
        retry: true,
        stillMissing: 'Still unreachable: check your connection, or try again later.',
      };
    case 'rate-limited':
      return {
        reason: `${service} asked PaperPeek to slow down: try again in a minute.`,
        retry: true,
        stillMissing: `${service} still asks PaperPeek to wait: try again in a minute.`,
      };
  }
}

/** The card for an arXiv link whose abstract cannot be shown: the id, why, and its links. */
export function toMissingCardView(arxivId: string, why: MissingReason): CardView {
  return {
    paperId: arxivId,
    title: `arXiv:${arxivId}`,
    meta: '',
    abstract: '',
    // arXiv's own pages only: Hugging Face has a page for few of the papers no digest has.
    links: safeLinks(arxivLinks(arxivId).slice(0, 2)),
    saved: false,
    from: '',
    missing: missingAbstract('arXiv', why),
  };
}

/** Why a hovered venue link has no abstract to show. */
export type VenueMissingReason =
  'lookups-off' | 'not-found' | 'no-abstract' | 'unreachable' | 'rate-limited';

/** A venue link's page and what it is called, for a card that has no abstract. */
function venuePage(key: VenueKey): { site: string; name: string; href: string } {
  const id = key.slice(key.indexOf(':') + 1);
  if (key.startsWith('openreview:')) {
    const href = `https://openreview.net/forum?id=${encodeURIComponent(id)}`;
    return { site: 'OpenReview', name: `OpenReview forum ${id}`, href };
  }
  if (key.startsWith('acl:')) {
    const href = `https://aclanthology.org/${encodeURIComponent(id)}/`;
    return { site: 'ACL Anthology', name: `ACL Anthology ${id}`, href };
  }
  return { site: 'DOI', name: `DOI ${id}`, href: `https://doi.org/${id}` };
}

/** What OpenAlex is, in a reader's words. */
const OPENALEX_IS = 'the open catalogue of research papers';

/**
 * The services PaperPeek asks, as a reader knows them: OpenAlex is a name few researchers have
 * met, the catalogue behind it is what they need to hear.
 */
export function serviceInWords(service: string): string {
  return service === 'OpenAlex' ? `OpenAlex (${OPENALEX_IS})` : service;
}

/** The card for a venue link whose abstract cannot be shown: what it is, why, and its page. */
export function toMissingVenueCardView(
  key: VenueKey,
  service: string,
  why: VenueMissingReason,
  title?: string,
): CardView {
  const page = venuePage(key);
  return {
    paperId: key,
    title: title ? readableTex(title) : page.name,
    meta: '',
    abstract: '',
    links: safeLinks([[page.site, page.href]]),
    saved: false,
    from: '',
    missing: missingAbstract(serviceInWords(service), why),
  };
}

/**
 * The card of a reference in a PDF that names no paper PaperPeek knows: the reference itself, to
 * read where it is cited, and searches for it that send nothing until the user clicks one.
 */
export function toReferenceCardView(text: string, title?: string): CardView {
  const reference = readableTex(text).slice(0, 1_200);
  const query = (title ?? reference).slice(0, 300);
  return {
    paperId: 'reference',
    title: title ? readableTex(title) : 'A reference in this PDF',
    meta: '',
    abstract: '',
    links: safeLinks([
      [
        'Search arXiv',
        `https://arxiv.org/search/?query=${encodeURIComponent(query)}&searchtype=all`,
      ],
      [
        'Search Google Scholar',
        `https://scholar.google.com/scholar?q=${encodeURIComponent(query)}`,
      ],
    ]),
    saved: false,
    from: '',
    missing: { reason: reference, retry: false, stillMissing: '' },
  };
}

export const FROM_DIGEST = 'From your digest';
export const FROM_ARXIV = 'From the arXiv API (not in your digest)';

/** Where a looked-up venue paper came from, said on its card. */
export function fromService(service: string): string {
  const named = service === 'OpenAlex' ? `OpenAlex, ${OPENALEX_IS}` : service;
  return `From ${named} (not in your digest)`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function toCardView(paper: Paper, saved: boolean, from: string = FROM_DIGEST): CardView {
  const { authors } = paper;
  const authorLine =
    authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
  const venue = paperVenue(paper);
  return {
    paperId: paper.id,
    title: readableTex(paper.title),
    meta: [authorLine, paperDate(paper)].filter(Boolean).join(' · '),
    ...(venue ? { venue: venue.name } : {}),
    abstract: readableTex(paper.abstract),
    links: paperLinks(paper),
    saved,
    from,
  };
}

/** The publication month, or for new-style arXiv ids the submission month the id encodes. */
export function paperDate({ publishedAt, arxivId }: Paper): string {
  if (publishedAt) {
    const date = new Date(publishedAt);
    return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  const submitted = arxivIdMonth(arxivId);
  return submitted ? `${MONTHS[submitted.month - 1]} ${submitted.year}` : '';
}

function arxivLinks(id: string): [string, string][] {
  return [
    ['arXiv', `https://arxiv.org/abs/${id}`],
    ['PDF', `https://arxiv.org/pdf/${id}`],
    ['Hugging Face', `https://huggingface.co/papers/${id}`],
  ];
}

function paperLinks({ arxivId: id, repos, links, doi }: Paper): CardLink[] {
  const candidates = id ? arxivLinks(id) : [];
  // The published version: a DOI resolves to it (arXiv's own DOI is the arXiv page again).
  if (doi && !doi.startsWith('10.48550/')) candidates.push(['DOI', `https://doi.org/${doi}`]);
  for (const repo of repos) candidates.push([`Code: ${repo}`, `https://github.com/${repo}`]);
  for (const link of links) candidates.push([linkLabel(link), link]);
  return safeLinks(candidates);
}

/** Only what the allow-list returns, each href once. */
function safeLinks(candidates: [string, string][]): CardLink[] {
  const seen = new Set<string>();
  const safe: CardLink[] = [];
  for (const [label, url] of candidates) {
    const href = safeHref(url);
    if (href && !seen.has(href)) {
      seen.add(href);
      safe.push({ label, href });
    }
  }
  return safe;
}

/** Venue sites by the name readers know them by. */
const SITE_NAMES: Record<string, string> = {
  'openreview.net': 'OpenReview',
  'aclanthology.org': 'ACL Anthology',
  'doi.org': 'DOI',
  'proceedings.mlr.press': 'PMLR',
  'proceedings.neurips.cc': 'NeurIPS',
  'papers.neurips.cc': 'NeurIPS',
  'papers.nips.cc': 'NeurIPS',
  'openaccess.thecvf.com': 'CVF Open Access',
  'www.semanticscholar.org': 'Semantic Scholar',
};

/**
 * A short label for another resource: `Dataset: owner/name`, a venue site's name, or the host
 * for a project page.
 */
function linkLabel(url: string): string {
  const { hostname, pathname } = new URL(url);
  const dataset = /^\/datasets\/([^/]+\/[^/]+)/.exec(pathname);
  if (hostname === 'huggingface.co' && dataset) return `Dataset: ${dataset[1]}`;
  return SITE_NAMES[hostname] ?? hostname.replace(/^www\./, '');
}
