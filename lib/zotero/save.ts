/**
 * "Save to Zotero" for papers by id: reading-list entries as they are (tags, note), any other
 * paper PaperPeek knows (the digest, an earlier arXiv answer) as a new entry would be. Owns:
 * gathering what Zotero is sent. Never: changes the reading list (saving to Zotero is on its own),
 * or asks Zotero anything before the permission to reach it is there.
 */
import type { PaperPeekDatabase, ReadingListEntry } from '../db';
import { getPaperRows } from '../digest/shelves';
import { citedEntries } from '../reading-list/cited';
import { entryFromPaper } from '../reading-list/entry';
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

async function entriesFor(db: PaperPeekDatabase, ids: string[], now: number) {
  const [saved, rows, lookups] = await Promise.all([
    db.readingList.bulkGet(ids),
    getPaperRows(db, ids),
    db.arxivLookups.bulkGet(ids),
  ]);
  const entries: ReadingListEntry[] = [];
  ids.forEach((id, i) => {
    const paper = rows[i] ?? lookups[i]?.paper;
    const entry = saved[i] ?? (paper ? entryFromPaper(paper, now) : undefined);
    if (entry) entries.push(entry);
  });
  return entries;
}

export async function saveToZotero(
  paperIds: string[],
  deps: ZoteroSaveDeps,
): Promise<ZoteroOutcome> {
  if (!(await deps.mayReachZotero())) return zoteroProblem('permission');
  const ids = [...new Set(paperIds)];
  const entries = await entriesFor(deps.db, ids, (deps.now ?? Date.now)());
  if (entries.length === 0) return zoteroProblem('unknown');
  const cited = await citedEntries(deps.db, entries);
  const items = cited.map((entry, index) => toZoteroItem(entry, `paperpeek-${index + 1}`));
  return deps.connector.saveItems(items, items[0]?.url ?? 'https://arxiv.org/');
}
