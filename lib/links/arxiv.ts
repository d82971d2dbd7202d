/**
 * arXiv paper URLs on arXiv itself and on its mirrors and front ends. Owns: host and path rules.
 * Never: accepts a host it does not list, or lets a version change the id.
 */
import { canonicalArxivId } from './arxiv-id';

const ARXIV_HOSTS = new Set([
  'arxiv.org',
  'www.arxiv.org',
  'export.arxiv.org',
  'browse.arxiv.org',
  // Older names that pages from the 1990s and 2000s still link to: arXiv's first host at Los
  // Alamos, and arXiv's own mirrors.
  'xxx.lanl.gov',
  'lanl.arxiv.org',
  'xxx.arxiv.org',
  'aps.arxiv.org',
]);
// arXiv's country mirrors: de.arxiv.org, es.arxiv.org, uk.arxiv.org, ...
const ARXIV_MIRROR_HOST = /^[a-z]{2}\.arxiv\.org$/;
// The path's remaining segments are the id: one for new ids, two for old ones (hep-th/9901001).
const ARXIV_PATH = /^\/(?:abs|pdf|html|format|ps)\/(.+?)(?:\.pdf)?\/?$/i;
// /ftp/arxiv/papers/1207/1207.0580.pdf (new ids) and /ftp/hep-th/papers/9901/9901001.pdf (old).
const ARXIV_FTP_PATH = /^\/ftp\/([a-z-]+)\/papers\/\d{4}\/([^/]+?)(?:v\d+)?\.pdf$/i;
// The old PDF cache: /PS_cache/arxiv/pdf/0706/0706.1234v1.pdf and /PS_cache/cs/pdf/9903/9903003v1.pdf.
const ARXIV_PS_CACHE_PATH = /^\/PS_cache\/([a-z-]+)\/pdf\/\d{4}\/([^/]+?)(?:v\d+)?\.pdf$/i;
const AR5IV_PATH = /^\/(?:html|abs|papers)\/(.+?)\/?$/i;
// alphaXiv's pages for a paper: its abstract and PDF, the overview, the resources, the audio
// (podcast) and `paper` tabs; `.md` is the text of a tab, as agents fetch it.
const ALPHAXIV_PATH = /^\/(?:abs|pdf|overview|resources|audio|paper)\/(.+?)(?:\.pdf|\.md)?\/?$/i;
// alphaXiv's copies of the PDFs: /2307.06948v1.pdf.
const ALPHAXIV_PDF_ASSET_PATH = /^\/([^/]+?)\.pdf$/i;
const HF_PAPERS_PATH = /^\/papers\/([^/]+)\/?$/i;
const SCIRATE_PATH = /^\/arxiv\/(.+?)\/?$/i;
const VANITY_PATH = /^\/papers\/(.+?)\/?$/i;
const ARXIV_DOI_PATH = /^\/10\.48550\/arxiv\.(.+?)\/?$/i;

/** Each mirror: its hosts and the path pattern whose first group is the id. */
const MIRRORS: [hosts: string[], path: RegExp][] = [
  [['ar5iv.labs.arxiv.org', 'ar5iv.org', 'www.ar5iv.org'], AR5IV_PATH],
  [['alphaxiv.org', 'www.alphaxiv.org'], ALPHAXIV_PATH],
  [['pdfs.assets.alphaxiv.org', 'papers-pdfs.assets.alphaxiv.org'], ALPHAXIV_PDF_ASSET_PATH],
  [['huggingface.co', 'hf.co'], HF_PAPERS_PATH],
  [['scirate.com', 'www.scirate.com'], SCIRATE_PATH],
  [['arxiv-vanity.com', 'www.arxiv-vanity.com'], VANITY_PATH],
  [['doi.org', 'dx.doi.org'], ARXIV_DOI_PATH],
];

/** The canonical arXiv id a URL points at, or null. */
export function arxivIdFromUrl(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  // Repeated slashes (`arxiv.org//abs//2006.14295`) are common in hand-written links; servers
  // read them as one.
  const path = safeDecode(url.pathname).replace(/\/{2,}/g, '/');
  if (ARXIV_HOSTS.has(host) || ARXIV_MIRROR_HOST.test(host)) {
    const match = ARXIV_PATH.exec(path);
    if (match?.[1]) return canonicalArxivId(match[1]);
    const file = ARXIV_FTP_PATH.exec(path) ?? ARXIV_PS_CACHE_PATH.exec(path);
    if (!file?.[1] || !file[2]) return null;
    return canonicalArxivId(file[1].toLowerCase() === 'arxiv' ? file[2] : `${file[1]}/${file[2]}`);
  }
  for (const [hosts, pattern] of MIRRORS) {
    if (!hosts.includes(host)) continue;
    const match = pattern.exec(path);
    return match?.[1] ? canonicalArxivId(match[1]) : null;
  }
  return null;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
