/**
 * User settings: one object under one `storage.local` key, shared by every context. Owns: the
 * defaults and reading an untrusted stored value back into typed settings (a field with a bad
 * value falls back to its default). Never: pulls in a storage library: the content script reads
 * these too, and @wxt-dev/storage alone would cost 3.7 KB of its 10 KB gzip budget.
 */

export interface Settings {
  previewsEnabled: boolean;
  /** Dwell before a card opens, in milliseconds (0 to 2000). */
  hoverDelayMs: number;
  markersEnabled: boolean;
  /** Hostnames where PaperPeek does nothing (subdomains included). */
  disabledSites: string[];
  /** Reading list kept in step across the user's browsers through `storage.sync`. */
  readingListSync: boolean;
  /** arXiv PDF addresses open in PaperPeek's reader (lib/worker/pdf-redirect.ts). */
  arxivPdfsInReader: boolean;
  /**
   * The style "Copy citation" used last (lib/citations/styles.ts; an id it does not know falls
   * back to APA where it is read, so this module stays free of the style list).
   */
  citationStyle: string;
}

export const DEFAULT_SETTINGS: Settings = {
  previewsEnabled: true,
  hoverDelayMs: 300,
  markersEnabled: true,
  disabledSites: [],
  readingListSync: true,
  arxivPdfsInReader: true,
  citationStyle: 'apa',
};

export const SETTINGS_KEY = 'settings';

export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readSettings(area: SettingsStorage): Promise<Settings> {
  return settingsFrom((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Applies `changes` on top of what is stored now (not on a copy that may be stale). */
export async function updateSettings(
  area: SettingsStorage,
  changes: Partial<Settings>,
): Promise<void> {
  await area.set({ [SETTINGS_KEY]: { ...(await readSettings(area)), ...changes } });
}

export function settingsFrom(stored: unknown): Settings {
  const settings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return settings;
  for (const name of Object.keys(settings) as (keyof Settings)[]) {
    const value = (stored as Record<string, unknown>)[name];
    const fallback = DEFAULT_SETTINGS[name];
    if (typeof value === typeof fallback && Array.isArray(value) === Array.isArray(fallback)) {
      (settings as Record<string, unknown>)[name] = value;
    }
  }
  const delay = settings.hoverDelayMs;
  if (!(delay >= 0 && delay <= 2_000)) settings.hoverDelayMs = DEFAULT_SETTINGS.hoverDelayMs;
  settings.disabledSites = settings.disabledSites.filter((site) => typeof site === 'string');
  return settings;
}

/** Whether PaperPeek should stay away from a page on `hostname`. */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.some((site) => coversHost(site, hostname));
}

/** The disabled sites without those that cover `hostname`: PaperPeek works there again. */
export function enableSite(settings: Settings, hostname: string): string[] {
  return settings.disabledSites.filter((site) => !coversHost(site, hostname));
}

/** A disabled site covers its own host and its subdomains. */
function coversHost(site: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === site || host.endsWith(`.${site}`);
}
