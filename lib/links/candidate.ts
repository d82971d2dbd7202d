/**
 * A cheap first look at a link, for the content script: could it name a paper at all? Every URL
 * in the detectors' tables passes it (a test holds it to that); most links on a page do not,
 * and those never leave the page's process.
 */
const CANDIDATE =
  /arxiv|lanl\.gov|github\.com|huggingface\.co|\/\/hf\.co|alphaxiv|ar5iv|scirate|doi\.org|openreview\.net|aclanthology|aclweb|mlr\.press|jmlr\.org|nips\.cc|neurips\.cc|thecvf|semanticscholar|google\.|facebook\.com|reddit\.com|youtube\.com|duckduckgo|bing\.com|slack-redir|zhihu|linkedin\.com|href\.li|\/\/(?:t\.co|bit\.ly|buff\.ly|ow\.ly|lnkd\.in|tinyurl\.com|dlvr\.it)\//i;

export function mightNamePaper(href: string): boolean {
  return href.length < 4_000 && CANDIDATE.test(href);
}
