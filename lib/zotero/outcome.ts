/**
 * What a save to Zotero came to, with the sentence the user reads where they clicked. Its own
 * module without imports: the message protocol (and so the content script) names these types.
 */
export type ZoteroProblem =
  'permission' | 'not-running' | 'outdated' | 'read-only' | 'unknown' | 'failed';

export type ZoteroOutcome =
  | { ok: true; saved: number; message: string }
  | { ok: false; problem: ZoteroProblem; message: string };

const MESSAGES: Record<ZoteroProblem, string> = {
  permission: 'PaperPeek needs your permission to reach Zotero on this computer.',
  'not-running': 'Start Zotero to save there: PaperPeek found no Zotero running on this computer.',
  outdated: 'This Zotero is too old to take papers from PaperPeek: update Zotero, then try again.',
  'read-only':
    'The library selected in Zotero is read-only: select My Library (or a collection you can edit) in Zotero, then try again.',
  unknown: 'PaperPeek no longer has this paper, so there is nothing to send to Zotero.',
  failed: 'Zotero could not save this. Nothing was changed in PaperPeek; try again.',
};

export function zoteroProblem(problem: ZoteroProblem): ZoteroOutcome {
  return { ok: false, problem, message: MESSAGES[problem] };
}
