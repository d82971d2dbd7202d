/**
 * The background's paper service. Owns: answering the message protocol from the database and
 * keeping the bundled digest loaded. Never: writes the reading list during a digest load, or
 * answers from a half-applied digest (loads are transactions; requests wait for a running load).
 */
import Dexie from 'dexie';
import type { PaperPeekDatabase, PaperRow } from '../db';
import {
  countPapers,
  getPaperRow,
  getPaperRows,
  papersWithRepos,
  papersWithVenues,
} from '../digest/shelves';
import { loadDigest, type LoadResult } from '../digest/load';
import type { Paper } from '../digest/schema';
import { paperKeyFromLink } from '../links/paper-link';
import { isVenueKey, venueKeysOf, type VenueKey } from '../links/venue';
import {
  FROM_ARXIV,
  FROM_DIGEST,
  toCardView,
  toMissingCardView,
  toMissingVenueCardView,
  fromService,
  type CardView,
} from '../content/card/view';
import type { LookedUp, VenueLookedUp } from '../sources/paper-lookup';
import { venueQuery } from '../sources/venue-api';
import type { DigestStatus, Handlers, MessageSender, PaperHit } from '../protocol/messages';
import type { PaperKey } from '../links/paper-key';
import { citedPapers } from '../reading-list/cited';
import { saveToReadingList, undoSave as undoSaveEntry } from '../reading-list/store';
import { BUNDLED_SOURCE_ID } from '../sources/source';
import { readableTex } from '../text/tex';
import { citationItems } from '../citations/items';
import { createReferenceResolver } from './references';

/** The paper questions; digest jobs (refresh, import, clear) are answered by `jobHandlers` (services.ts). */
export type PaperHandlers = Pick<
  Handlers,
  | 'lookup'
  | 'resolveLinks'
  | 'save'
  | 'undoSave'
  | 'openReadingList'
  | 'openSettings'
  | 'status'
  | 'pageSummary'
  | 'syncReadingList'
  | 'fetchPaper'
  | 'resolveReferences'
  | 'citationItems'
>;

export interface PaperService extends PaperHandlers {
  /** Applies the bundled digest unless that exact revision is already loaded. */
  ensureBundledDigest(): Promise<LoadResult>;
}

export interface PaperServiceDependencies {
  bundledDigest: () => unknown;
  reportPageSummary?: (paperIds: string[], sender: MessageSender) => Promise<null>;
  /** Asks for a reading-list sync pass (after a save, or when the popup changed the list). */
  requestSync?: () => void;
  /** Shows the reading list in a tab; see reading-list/open-view.ts. */
  showReadingList?: () => Promise<void>;
  /** Shows the options page. */
  showSettings?: () => Promise<void>;
  /**
   * A paper the digest lacks, for a hovered link (see `lookUpPaper`); without it, only the
   * digest answers.
   */
  lookUpUnknown?: (arxivId: string) => Promise<LookedUp>;
  /** A venue link no digest paper lists (OpenReview, OpenAlex); null for keys none answers. */
  lookUpVenue?: (key: VenueKey) => Promise<VenueLookedUp | null>;
  /** Runs a digest write after any other (the worker's job queue); at once when absent. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  now?: () => number;
}

export function createPaperService(
  db: PaperPeekDatabase,
  {
    bundledDigest,
    reportPageSummary,
    requestSync = () => undefined,
    showReadingList = async () => undefined,
    showSettings = async () => undefined,
    lookUpUnknown,
    lookUpVenue,
    exclusive = (work) => work(),
    now = Date.now,
  }: PaperServiceDependencies,
): PaperService {
  let bundledLoad: Promise<LoadResult> | null = null;

  // A worker that was stopped and woken may find the connection closed (by a version change or
  // by the browser); Dexie then throws DatabaseClosedError instead of reopening by itself.
  async function reopeningOnce<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Dexie.DatabaseClosedError)) throw error;
      await db.open();
      return work();
    }
  }

  /** Requests wait for a running load, so they never see a digest half applied. */
  async function withOpenDatabase<T>(work: () => Promise<T>): Promise<T> {
    await bundledLoad;
    return reopeningOnce(work);
  }

  function ensureBundledDigest(): Promise<LoadResult> {
    bundledLoad ??= exclusive(() =>
      reopeningOnce(() => loadDigest(db, bundledDigest(), BUNDLED_SOURCE_ID, now)),
    ).finally(() => {
      bundledLoad = null;
    });
    return bundledLoad;
  }

  /** The rows for keys, and which are saved; one indexed query per kind of key. */
  async function rowsFor(
    keys: PaperKey[],
  ): Promise<{ found: Map<PaperKey, PaperRow>; savedIds: Set<string> }> {
    const unique = [...new Set(keys)];
    const arxivKeys = unique.filter((key) => key.startsWith('arxiv:'));
    const repos = unique.filter((key) => key.startsWith('github:')).map((key) => key.slice(7));
    const venues = unique.filter(isVenueKey);
    const found = new Map<PaperKey, PaperRow>();
    const rows = await getPaperRows(
      db,
      arxivKeys.map((key) => key.slice('arxiv:'.length)),
    );
    rows.forEach((row, index) => {
      const key = arxivKeys[index];
      if (row && key) found.set(key, row);
    });
    // Several papers may share a repo (or list the same venue page): the newest, or undated the
    // first, wins.
    const keep = (key: PaperKey, row: PaperRow) => {
      const current = found.get(key);
      if (!current || (row.publishedAt ?? '') > (current.publishedAt ?? '')) found.set(key, row);
    };
    const wantedRepos = new Set(repos);
    for (const row of await papersWithRepos(db, repos)) {
      for (const repo of row.repos) if (wantedRepos.has(repo)) keep(`github:${repo}`, row);
    }
    const wantedVenues = new Set<string>(venues);
    for (const row of await papersWithVenues(db, venues)) {
      for (const key of venueKeysOf(row)) if (wantedVenues.has(key)) keep(key, row);
    }
    const paperIds = [...new Set([...found.values()].map((row) => row.id))];
    const savedIds = new Set(await db.readingList.where('paperId').anyOf(paperIds).primaryKeys());
    return { found, savedIds };
  }

  const resolveEntries = createReferenceResolver(db, async (keys) => {
    const { found, savedIds } = await rowsFor(keys);
    const cards = new Map<PaperKey, CardView>();
    for (const [key, row] of found) cards.set(key, toCardView(row, savedIds.has(row.id)));
    return cards;
  });
  const resolveReferences: Handlers['resolveReferences'] = ({ texts }) =>
    withOpenDatabase(() => resolveEntries(texts));

  const lookup: Handlers['lookup'] = ({ keys }) =>
    withOpenDatabase(async () => {
      const { found, savedIds } = await rowsFor(keys);
      const hits: Partial<Record<PaperKey, PaperHit>> = {};
      for (const [key, row] of found) {
        hits[key] = { paper: forDisplay(row), saved: savedIds.has(row.id) };
      }
      return hits;
    });

  const resolveLinks: Handlers['resolveLinks'] = ({ links }) =>
    withOpenDatabase(async () => {
      const keys = links.map((link) => paperKeyFromLink(link));
      const named = keys.filter((key): key is PaperKey => key !== null);
      const { found, savedIds } = await rowsFor(named);
      const cards: Partial<Record<PaperKey, CardView>> = {};
      for (const [key, row] of found) cards[key] = toCardView(row, savedIds.has(row.id));
      return { keys, cards };
    });

  const save: Handlers['save'] = ({ paperId }) =>
    withOpenDatabase(async () => {
      await saveToReadingList(db, paperId, now());
      requestSync();
      return { saved: true as const };
    });

  const undoSave: Handlers['undoSave'] = ({ paperId }) =>
    withOpenDatabase(async () => {
      const removed = await undoSaveEntry(db, paperId, now());
      if (removed) requestSync();
      return { removed };
    });

  const openReadingList: Handlers['openReadingList'] = async () => {
    await showReadingList();
    return null;
  };

  const openSettings: Handlers['openSettings'] = async () => {
    await showSettings();
    return null;
  };

  const status = async (): Promise<DigestStatus> =>
    withOpenDatabase(async () => {
      const newest = await db.meta.get('newest');
      const counted = newest?.key === 'newest' ? newest.value.paperCount : undefined;
      return {
        paperCount: counted ?? (await countPapers(db)),
        sources: await db.sources.toArray(),
      };
    });

  const pageSummary: Handlers['pageSummary'] = async ({ paperIds }, sender) =>
    reportPageSummary ? reportPageSummary(paperIds, sender) : null;

  const syncReadingList: Handlers['syncReadingList'] = async () => {
    requestSync();
    return null;
  };

  /** The card of a venue link no digest paper lists: looked up, or one that says why not. */
  async function venueCard(key: VenueKey): Promise<CardView> {
    // The digest first, as for arXiv links: a page's verdict may predate the digest's update.
    const listed = (await rowsFor([key])).found.get(key);
    const found = listed
      ? { paper: listed, from: 'digest' as const }
      : ((await lookUpVenue?.(key)) ?? {
          missing: 'lookups-off' as const,
          service: venueQuery(key)?.service ?? 'OpenAlex',
        });
    if ('missing' in found)
      return toMissingVenueCardView(key, found.service, found.missing, found.title);
    const saved = (await db.readingList.get(found.paper.id)) !== undefined;
    const from = found.from === 'digest' ? FROM_DIGEST : fromService(found.from);
    return toCardView(withoutSource(found.paper), saved, from);
  }

  const fetchPaper: Handlers['fetchPaper'] = ({ key }) =>
    withOpenDatabase(async () => {
      if (isVenueKey(key)) return venueCard(key);
      const arxivId = key.slice('arxiv:'.length);
      const row = await getPaperRow(db, arxivId);
      const found: LookedUp = row
        ? { paper: row, from: 'digest' }
        : lookUpUnknown
          ? await lookUpUnknown(arxivId)
          : { missing: 'lookups-off' };
      if ('missing' in found) return toMissingCardView(arxivId, found.missing);
      const saved = (await db.readingList.get(found.paper.id)) !== undefined;
      return toCardView(
        withoutSource(found.paper),
        saved,
        found.from === 'arxiv' ? FROM_ARXIV : FROM_DIGEST,
      );
    });

  const citationItemsOf: Handlers['citationItems'] = ({ paperIds }) =>
    withOpenDatabase(async () => citationItems(await citedPapers(db, paperIds, now())));

  return {
    ensureBundledDigest,
    lookup,
    resolveLinks,
    save,
    undoSave,
    openReadingList,
    openSettings,
    status,
    pageSummary,
    syncReadingList,
    fetchPaper,
    resolveReferences,
    citationItems: citationItemsOf,
  };
}

function forDisplay(row: PaperRow): Paper {
  const paper = withoutSource(row);
  return { ...paper, title: readableTex(paper.title), abstract: readableTex(paper.abstract) };
}

function withoutSource(row: Paper & { sourceId?: string }): Paper {
  const { sourceId: _sourceId, ...paper } = row;
  return paper;
}
