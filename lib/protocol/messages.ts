/**
 * The one message contract between the extension's contexts: message names, request shapes and
 * reply types, the limits, and which messages only extension pages may send. Owns: the shapes.
 * Never: imports worker code (the database, jobs, services): every context compiles against it,
 * and the content script must not reach IndexedDB code even through a type.
 */
import type { CardView } from '../content/card/view';
import type { Paper } from '../digest/schema';
import type { LinkFacts } from '../links/paper-link';
import type { CslItem } from '../reading-list/csl-item';
import type { PaperKey } from '../links/paper-key';
import type { SourceState } from '../sources/source';
import type { ZoteroOutcome } from '../zotero/outcome';
import type { ProtocolError } from './errors';

/** Keys in one `lookup` or `pageSummary`, and links in one `resolveLinks`. */
export const MAX_KEYS_PER_MESSAGE = 500;
/** Bibliography entries in one `resolveReferences`, and the characters of each. */
export const MAX_REFERENCES_PER_MESSAGE = 2_000;
export const MAX_REFERENCE_CHARS = 4_000;
/**
 * Papers in one `importChunk`: the options page sends chunks of this size and the worker refuses
 * larger ones (a 100,000-paper file is 50 messages; one message must stay well below the
 * browser's 64 MB message limit whatever the abstracts).
 */
export const IMPORT_CHUNK_PAPERS = 2_000;

export interface DigestStatus {
  paperCount: number;
  sources: SourceState[];
}

/** A paper, and whether it is in the reading list. */
export interface PaperHit {
  paper: Paper;
  saved: boolean;
}

/** What an import added, for the options page. */
export interface ImportSummary {
  added: number;
  updated: number;
  paperCount: number;
  skipped: number;
}

/** How one source's refresh went. */
export interface RefreshOutcome {
  sourceId: string;
  ok: boolean;
  /** One sentence for the options page. */
  message: string;
  added: number;
  updated: number;
}

export interface ProtocolMap {
  /** Papers for the given keys; keys with no paper are absent from the answer. */
  lookup: { request: { keys: PaperKey[] }; response: Partial<Record<PaperKey, PaperHit>> };
  /**
   * The content script's question about links on a page: which paper each names (`keys`, aligned
   * with `links`, null for none) and the cards of those the digest has (`cards`).
   */
  resolveLinks: {
    request: { links: LinkFacts[] };
    response: { keys: (PaperKey | null)[]; cards: Partial<Record<PaperKey, CardView>> };
  };
  /** Adds a digest paper to the reading list (an entry already there is left as it is). */
  save: { request: { paperId: string }; response: { saved: true } };
  /**
   * Sends papers (reading-list entries as they are, other papers as new items) to Zotero desktop.
   * The reading list is never changed; the outcome has the sentence to show where the user clicked.
   */
  saveToZotero: { request: { paperIds: string[] }; response: ZoteroOutcome };
  /**
   * A card's "Copy citation": the papers as CSL items, for the citation module to format on the
   * page (entries as they are, never their notes; unknown ids are left out).
   */
  citationItems: { request: { paperIds: string[] }; response: CslItem[] };
  /** Undo of a card's save: removes the entry while it is as the save left it (store.undoSave). */
  undoSave: { request: { paperId: string }; response: { removed: boolean } };
  /** Shows the reading list: the popup's page in a tab (reading-list/open-view.ts). */
  openReadingList: { request: Record<string, never>; response: null };
  /** Shows PaperPeek's options page (a card's "Open PaperPeek settings"). */
  openSettings: { request: Record<string, never>; response: null };
  /** The distinct papers a frame links to (ids, not link forms), for the toolbar badge. */
  pageSummary: { request: { paperIds: string[] }; response: null };
  status: { request: Record<string, never>; response: DigestStatus };
  /** The reading list changed here (popup edits): sync it soon. Resolves once it is scheduled. */
  syncReadingList: { request: Record<string, never>; response: null };
  /**
   * The card for a hovered arXiv link the digest lacks: from the cache of earlier answers or,
   * when the user allows it, the arXiv API; when there is no abstract, a card that says why.
   */
  fetchPaper: { request: { key: PaperKey }; response: CardView };
  /**
   * The reader's citations: for each bibliography entry's text, the paper it names (by an
   * identifier, or its title in the digest) and its card, or the reference's own card.
   */
  resolveReferences: {
    request: { texts: string[] };
    response: { key: PaperKey | null; card: CardView | null }[];
  };
  /**
   * The reader's "Open in the browser's viewer": lets this arXiv PDF address through the
   * redirect once, in the sender's tab (extension pages only).
   */
  openInBrowserViewer: { request: { url: string }; response: null };
  // Extension pages only (see PRIVILEGED): these change the digest.
  refreshNow: { request: Record<string, never>; response: RefreshOutcome[] };
  importBegin: { request: { label: string }; response: { importId: string } };
  importChunk: {
    request: { importId: string; papers: unknown[] };
    response: { accepted: number; skipped: number };
  };
  importCommit: { request: { importId: string }; response: ImportSummary };
  clearDigest: { request: Record<string, never>; response: null };
}

/** Messages only the extension's own pages may send: a content script runs inside web pages. */
export const PRIVILEGED: ReadonlySet<MessageType> = new Set([
  'openInBrowserViewer',
  'refreshNow',
  'importBegin',
  'importChunk',
  'importCommit',
  'clearDigest',
]);

export type MessageType = keyof ProtocolMap;
export type Request<K extends MessageType = MessageType> = {
  [T in K]: { type: T; data: ProtocolMap[T]['request'] };
}[K];

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/** What the worker knows of who sent a message. */
export interface MessageSender {
  id?: string;
  /** The sending document's URL: an extension page's starts with the extension's origin. */
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

export type Handlers = {
  [K in MessageType]: (
    data: ProtocolMap[K]['request'],
    sender: MessageSender,
  ) => Promise<ProtocolMap[K]['response']>;
};
