/**
 * Venue pages: where a paper was published, reduced to one key per paper whatever the form of
 * the link (abstract page or PDF, old host or new, percent-encoded or not). Owns: the host and
 * path rules of OpenReview, the ACL Anthology, DOIs, PMLR, NeurIPS, CVF open access and
 * Semantic Scholar, and the shape of each key. Never: accepts a host it does not list, or a
 * page that lists papers (a venue, a volume, a profile) as a paper.
 */

export const VENUE_KINDS = ['openreview', 'acl', 'doi', 'pmlr', 'neurips', 'cvf', 's2'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
export type VenueKey = `${VenueKind}:${string}`;

/** What a key's id part must look like, one rule per kind (keys from messages are checked). */
const VENUE_ID: Record<VenueKind, RegExp> = {
  openreview: /^[A-Za-z0-9_-]{5,40}$/,
  // New ids (2023.acl-long.1, 2022.findings-emnlp.12) and old ones (P19-1001, W19-5301).
  acl: /^(?:\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.[1-9]\d{0,4}|[A-Z]\d{2}-[1-9]\d{3})$/,
  doi: /^10\.\d{4,9}\/[^\sA-Z]{1,200}$/,
  pmlr: /^v\d{1,4}\/[a-z0-9-]{2,80}$/,
  neurips: /^(?:19|20)\d{2}\/[0-9a-f]{32}$/,
  cvf: /^(?:CVPR|ICCV|ECCV|WACV|ACCV)\d{4}W?\/[A-Za-z0-9_-]{5,300}$/,
  s2: /^[0-9a-f]{40}$/,
};

export function isVenueKey(value: string): value is VenueKey {
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon) as VenueKind;
  return colon > 0 && VENUE_KINDS.includes(kind) && VENUE_ID[kind].test(value.slice(colon + 1));
}

function key(kind: VenueKind, id: string | undefined): VenueKey | null {
  return id !== undefined && VENUE_ID[kind].test(id) ? `${kind}:${id}` : null;
}

/**
 * The key of a DOI (any case, with or without `doi:` or a resolver in front). An ACL Anthology
 * DOI names the Anthology's paper, so it gets that paper's key: a link to either is one paper.
 * Null for arXiv's DOIs: those papers already have their arXiv key.
 */
export function venueKeyOfDoi(value: string): VenueKey | null {
  const doi = value
    .trim()
    .replace(/^(?:doi:|https?:\/\/(?:dx\.|www\.)?doi\.org\/)/i, '')
    .replace(/\/+$/, '');
  // arXiv's own DOIs are arXiv papers, keyed by their arXiv id (arxiv.ts).
  if (/^10\.48550\/arxiv\./i.test(doi)) return null;
  const acl = /^10\.18653\/v1\/(.+)$/i.exec(doi);
  if (acl) return aclKey(acl[1] ?? '');
  return key('doi', doi.toLowerCase());
}

function aclKey(id: string): VenueKey | null {
  // Old ids are upper case (P19-1001); links sometimes write them in lower case.
  const old = /^[a-z]\d{2}-\d{4}$/i.test(id);
  return key('acl', old ? id.toUpperCase() : id.toLowerCase());
}

type Rule = (path: string, url: URL) => VenueKey | null;

const OPENREVIEW: Rule = (path, url) =>
  /^\/(?:forum|pdf|attachment)\/?$/.test(path)
    ? key('openreview', url.searchParams.get('id') ?? undefined)
    : null;

// /2023.acl-long.1/, /2023.acl-long.1.pdf, /P19-1001v2.pdf; aclweb.org kept them under /anthology/.
const ACL_PATH =
  /^\/(?:anthology\/)?(\d{4}\.[a-z0-9-]+\.\d+|[a-z]\d{2}-\d{4})(?:v\d+)?(?:\.pdf|\.bib)?\/?$/i;
const ACL: Rule = (path) => {
  const id = ACL_PATH.exec(path)?.[1];
  return id ? aclKey(id) : null;
};

const DOI: Rule = (path) => (/^\/10\.\d{4,9}\/./.test(path) ? venueKeyOfDoi(path.slice(1)) : null);

// /v202/kirchenbauer23a.html, /v202/kirchenbauer23a/kirchenbauer23a.pdf, /v37/ioffe15.pdf
const PMLR_PATH =
  /^\/(?:proceedings\/papers\/)?(v\d+)\/([a-z0-9-]+?)(?:\/\2)?(?:\.html|\.pdf)\/?$/i;
const PMLR: Rule = (path) => {
  const match = PMLR_PATH.exec(path);
  return match ? key('pmlr', `${match[1]?.toLowerCase()}/${match[2]?.toLowerCase()}`) : null;
};

// /paper/2020/hash/<md5>-Abstract.html, /paper_files/paper/2023/file/<md5>-Paper-Conference.pdf
const NEURIPS_PATH =
  /^\/(?:paper_files\/)?paper\/(\d{4})\/(?:hash|file)\/([0-9a-f]{32})-(?:Abstract|Paper|Supplemental|Reviews|MetaReview|Bibtex)[A-Za-z_-]*\.(?:html|pdf|zip|bib)$/i;
const NEURIPS: Rule = (path) => {
  const match = NEURIPS_PATH.exec(path);
  return match ? key('neurips', `${match[1]}/${match[2]?.toLowerCase()}`) : null;
};

// /content/CVPR2023/html/<Name>_CVPR_2023_paper.html, /content/ICCV2023/papers/<Name>_paper.pdf,
// workshops with their own folder (/content/CVPR2023W/ABAW/html/...), and before 2020:
// /content_cvpr_2018/html/<Name>_CVPR_2018_paper.html, /content_cvpr_2018_workshops/w13/html/...
const CVF_PATH =
  /^\/(?:content\/([a-z]+\d{4}w?)|content_([a-z]+)_(\d{4})(_workshops)?)(?:\/[^/]+)?\/(?:html|papers)(?:\/[^/]+)?\/([a-z0-9_-]+_paper)\.(?:html|pdf)$/i;
const CVF: Rule = (path) => {
  const match = CVF_PATH.exec(path);
  if (!match) return null;
  // content_cvpr_2018_workshops and content_CVPRW_2020 are both a year's workshops: CVPR2018W.
  const name = match[2]?.toUpperCase() ?? '';
  const workshop = match[4] !== undefined || (name.length > 4 && name.endsWith('W'));
  const conference =
    match[1]?.toUpperCase() ??
    `${workshop ? name.replace(/W$/, '') : name}${match[3]}${workshop ? 'W' : ''}`;
  return key('cvf', `${conference}/${match[5]}`);
};

// /paper/<slug>/<sha>, /paper/<sha>; the PDF cache splits the sha: /0b44/fcbe...daff.pdf
const S2: Rule = (path) =>
  key('s2', /^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i.exec(path)?.[1]?.toLowerCase());
const S2_PDFS: Rule = (path) => {
  const match = /^\/([0-9a-f]{4})\/([0-9a-f]{36})\.pdf$/i.exec(path);
  return match ? key('s2', `${match[1]}${match[2]}`.toLowerCase()) : null;
};

const RULES = new Map<string, Rule>([
  ['openreview.net', OPENREVIEW],
  ['aclanthology.org', ACL],
  ['www.aclanthology.org', ACL],
  ['aclweb.org', ACL],
  ['www.aclweb.org', ACL],
  ['doi.org', DOI],
  ['dx.doi.org', DOI],
  ['www.doi.org', DOI],
  ['proceedings.mlr.press', PMLR],
  ['jmlr.org', PMLR],
  ['www.jmlr.org', PMLR],
  ['proceedings.neurips.cc', NEURIPS],
  ['papers.neurips.cc', NEURIPS],
  ['papers.nips.cc', NEURIPS],
  ['openaccess.thecvf.com', CVF],
  ['www.semanticscholar.org', S2],
  ['semanticscholar.org', S2],
  ['pdfs.semanticscholar.org', S2_PDFS],
]);

/**
 * The venue keys of a paper: its DOI's and those of its links (validated absolute URLs). What
 * the shelves index, so any link to any of them finds the paper.
 */
export function venueKeysOf(paper: { doi?: string; links: readonly string[] }): VenueKey[] {
  const keys = new Set<VenueKey>();
  const fromDoi = paper.doi ? venueKeyOfDoi(paper.doi) : null;
  if (fromDoi) keys.add(fromDoi);
  for (const link of paper.links) {
    // Most links are project pages and datasets: only a venue's host is worth parsing.
    if (!VENUE_HOST_HINT.test(link)) continue;
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      continue;
    }
    const fromLink = venueKeyFromUrl(url);
    if (fromLink) keys.add(fromLink);
  }
  return [...keys];
}

const VENUE_HOST_HINT =
  /openreview\.net|aclanthology|aclweb|doi\.org|mlr\.press|jmlr\.org|nips\.cc|neurips\.cc|thecvf|semanticscholar/i;

/** The venue key a URL points at, or null. */
export function venueKeyFromUrl(url: URL): VenueKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const rule = RULES.get(url.hostname.toLowerCase());
  if (!rule) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  return rule(path.replace(/\/{2,}/g, '/'), url);
}
