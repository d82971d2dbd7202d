/**
 * What a digest source is, for every context: its id (a stable storage key), the name the user
 * sees, and the state the worker keeps for it. Owns: the ids. Never: imports anything, so the
 * message contract and the pages can use it without reaching worker code.
 */

/** The digest shipped with the extension (assets/digest.json). */
export const BUNDLED_SOURCE_ID = 'bundled';
/** Hugging Face Daily Papers, refreshed on the alarm. */
export const HF_SOURCE_ID = 'hf-daily';
/** Files imported on the options page. */
export const IMPORT_SOURCE_ID = 'import';
/** A custom feed's id is this prefix and its URL. */
export const FEED_SOURCE_PREFIX = 'feed:';

export const feedSourceId = (url: string): string => `${FEED_SOURCE_PREFIX}${url}`;

/** What the user sees for a source id. */
export function sourceName(id: string): string {
  if (id === BUNDLED_SOURCE_ID) return 'Bundled digest';
  if (id === HF_SOURCE_ID) return 'Hugging Face Daily Papers';
  if (id === IMPORT_SOURCE_ID) return 'Imported files';
  if (id.startsWith(FEED_SOURCE_PREFIX)) return `Feed ${id.slice(FEED_SOURCE_PREFIX.length)}`;
  return id;
}

/** A row of the `sources` table, and what the status message reports of each source. */
export interface SourceState {
  id: string;
  /** Content hash of the digest last applied from this source. */
  revision?: string;
  generatedAt?: string;
  paperCount: number;
  lastSuccessAt?: number;
  lastError?: string;
  lastErrorAt?: number;
  /**
   * Optional fields dropped from the papers of the last answer (a `githubRepo` that is no
   * repository...): the papers were kept without them.
   */
  droppedFields?: number;
  /** When the source was last asked for papers, changed or not. */
  lastCheckedAt?: number;
  /** Validators of the last answers, by URL, for conditional requests. */
  validators?: Record<string, { etag?: string; lastModified?: string }>;
}
