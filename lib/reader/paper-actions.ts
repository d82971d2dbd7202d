/**
 * What the reader's header does with the open PDF's paper: whether it is on the reading list and
 * read, Save, marking it read, and its BibTeX. Owns: those, for one paper. Never: identifies the
 * paper (paper-identity.ts does) or writes an entry otherwise than the popup does (the store's
 * functions, and `syncReadingList` after a change, as the popup sends it).
 */
import type { PaperPeekDatabase } from '../db';
import { getPaperRow } from '../digest/shelves';
import type { ProtocolMap } from '../protocol/messages';
import { citedEntries } from '../reading-list/cited';
import { entryFromPaper } from '../reading-list/entry';
import { toBibTeX } from '../reading-list/export';
import { updateEntry } from '../reading-list/store';

type Ask = <K extends 'save' | 'syncReadingList'>(
  type: K,
  data: ProtocolMap[K]['request'],
) => Promise<ProtocolMap[K]['response']>;

export interface PaperState {
  saved: boolean;
  read: boolean;
}

export interface PaperActions {
  state(paperId: string): Promise<PaperState>;
  /** Saves through the worker, as a card does (an entry already there is left as it is). */
  save(paperId: string): Promise<void>;
  setRead(paperId: string, read: boolean): Promise<void>;
  /** The paper's BibTeX, as the reading list copies it (the entry's own copy first). */
  bibtex(paperId: string): Promise<string>;
}

export function createPaperActions(db: PaperPeekDatabase, ask: Ask): PaperActions {
  return {
    async state(paperId) {
      const entry = await db.readingList.get(paperId);
      return { saved: entry !== undefined, read: entry?.status === 'read' };
    },
    async save(paperId) {
      await ask('save', { paperId });
    },
    async setRead(paperId, read) {
      await updateEntry(db, paperId, { status: read ? 'read' : 'unread' });
      await ask('syncReadingList', {}).catch(() => undefined);
    },
    async bibtex(paperId) {
      let entry = await db.readingList.get(paperId);
      if (!entry) {
        const paper =
          (await getPaperRow(db, paperId)) ?? (await db.arxivLookups.get(paperId))?.paper;
        if (!paper) throw new Error('This paper is no longer in your digest.');
        entry = entryFromPaper(paper, Date.now());
      }
      const [cited] = await citedEntries(db, [entry]);
      return toBibTeX([cited ?? entry]);
    },
  };
}
