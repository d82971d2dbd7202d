/**
 * Settings of the digest's network sources, kept apart from the page settings (`lib/settings.ts`)
 * because only the worker and the options page read them: they use WXT's `storage.defineItem`
 * (fallback, version, migrations), which the content script cannot afford in its 10 KB.
 * Owns: their defaults, their validation, and the test-only endpoint override. Never: lets a
 * stored value send traffic anywhere but the real services or the loopback interface.
 */
import { storage } from 'wxt/utils/storage';

export interface SourceSettings {
  /** Refresh from Hugging Face Daily Papers. */
  huggingFace: boolean;
  /** Hours between scheduled refreshes. */
  refreshHours: number;
  /** Look up, through the arXiv API, papers that no digest has (on hover only). */
  arxivLookups: boolean;
  /** Custom feed URLs (their hosts are granted at runtime). */
  feeds: string[];
}

export const REFRESH_HOUR_CHOICES = [1, 3, 6, 12, 24] as const;
export const MAX_FEEDS = 10;

export const DEFAULT_SOURCE_SETTINGS: SourceSettings = {
  huggingFace: true,
  refreshHours: 6,
  arxivLookups: true,
  feeds: [],
};

export const sourceSettingsItem = storage.defineItem<SourceSettings>('local:sourceSettings', {
  fallback: DEFAULT_SOURCE_SETTINGS,
  version: 1,
});

/** Stored settings, each bad field replaced by its default (storage is not trusted either). */
export function sourceSettingsFrom(stored: unknown): SourceSettings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const hours = value.refreshHours;
  return {
    huggingFace:
      typeof value.huggingFace === 'boolean'
        ? value.huggingFace
        : DEFAULT_SOURCE_SETTINGS.huggingFace,
    refreshHours: REFRESH_HOUR_CHOICES.includes(hours as 6)
      ? (hours as number)
      : DEFAULT_SOURCE_SETTINGS.refreshHours,
    arxivLookups:
      typeof value.arxivLookups === 'boolean'
        ? value.arxivLookups
        : DEFAULT_SOURCE_SETTINGS.arxivLookups,
    feeds: Array.isArray(value.feeds)
      ? value.feeds
          .map((feed) => (typeof feed === 'string' ? feedUrl(feed) : null))
          .filter((feed): feed is string => feed !== null)
          .slice(0, MAX_FEEDS)
      : [],
  };
}

export async function readSourceSettings(): Promise<SourceSettings> {
  return sourceSettingsFrom(await sourceSettingsItem.getValue());
}

export async function updateSourceSettings(changes: Partial<SourceSettings>): Promise<void> {
  await sourceSettingsItem.setValue({ ...(await readSourceSettings()), ...changes });
}

/** A feed URL as stored: absolute https (or http to the loopback interface), no credentials. */
export function feedUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) {
    return url.href;
  }
  return null;
}

/** The origin pattern a feed's host permission is requested for. */
export function originPattern(feed: string): string {
  const url = new URL(feed);
  return `${url.protocol}//${url.hostname}/*`;
}

export interface Endpoints {
  huggingFace: string;
  arxiv: string;
  openReview: string;
  openAlex: string;
  /** Zotero desktop's connector server (lib/zotero/connector.ts). */
  zotero: string;
}

export const DEFAULT_ENDPOINTS: Endpoints = {
  huggingFace: 'https://huggingface.co/api/daily_papers',
  arxiv: 'https://export.arxiv.org/api/query',
  openReview: 'https://api2.openreview.net',
  openAlex: 'https://api.openalex.org',
  zotero: 'http://127.0.0.1:23119',
};

export const ENDPOINTS_KEY = 'endpoints';

/**
 * The service URLs. Tests point them at stand-in servers on 127.0.0.1 through `storage.local`;
 * only loopback URLs are accepted there, so nothing stored can send a user's lookups elsewhere.
 */
export function endpointsFrom(stored: unknown): Endpoints {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const loopback = (raw: unknown, fallback: string) => {
    if (typeof raw !== 'string') return fallback;
    try {
      const url = new URL(raw);
      return url.protocol === 'http:' && isLoopback(url.hostname) ? url.href : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    huggingFace: loopback(value.huggingFace, DEFAULT_ENDPOINTS.huggingFace),
    arxiv: loopback(value.arxiv, DEFAULT_ENDPOINTS.arxiv),
    openReview: loopback(value.openReview, DEFAULT_ENDPOINTS.openReview),
    openAlex: loopback(value.openAlex, DEFAULT_ENDPOINTS.openAlex),
    zotero: loopback(value.zotero, DEFAULT_ENDPOINTS.zotero),
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
