/**
 * Which keys a hovered link may be looked up by when no digest paper has it: arXiv ids (the arXiv
 * API), OpenReview forums (OpenReview's API), DOIs and ACL Anthology ids (OpenAlex). Its own
 * module, with no imports: the content script asks it on every paper link it reaches.
 */
const LOOKED_UP = /^(?:arxiv|openreview|doi|acl):/;

export function mayLookUp(key: string): boolean {
  return LOOKED_UP.test(key);
}
