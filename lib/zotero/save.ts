/**
 * "Save to Zotero" for papers by id: reading-list entries as they are (tags, note), any other
 * paper PaperPeek knows (the digest, an earlier arXiv answer) as a new entry would be. Owns:
 * gathering what Zotero is sent. Never: changes the reading list (saving to Zotero is on its own),
 * or asks Zotero anything before the permission to reach it is there.
 */
import type { PaperPeekDatabase } from '../db';
import { citedPapers } from '../reading-list/cited';
import type { ZoteroConnector } from './connector';
import { zoteroProblem, type ZoteroOutcome } from './outcome';
import { toZoteroItem } from './item';

export interface ZoteroSaveDeps {
  db: PaperPeekDatabase;
  connector: Pick<ZoteroConnector, 'saveItems'>;
  /** Whether the browser lets PaperPeek reach Zotero's server (an optional permission). */
  mayReachZotero: () => Promise<boolean>;
  now?: () => number;
}

export async function saveToZotero(
  paperIds: string[],
  deps: ZoteroSaveDeps,
): Promise<ZoteroOutcome> {
  if (!(await deps.mayReachZotero())) return zoteroProblem('permission');
  const ids = [...new Set(paperIds)];
  const cited = await citedPapers(deps.db, ids, (deps.now ?? Date.now)());
  if (cited.length === 0) return zoteroProblem('unknown');
  const items = cited.map((entry, index) => toZoteroItem(entry, `paperpeek-${index + 1}`));
  return deps.connector.saveItems(items, items[0]?.url ?? 'https://arxiv.org/');
}
