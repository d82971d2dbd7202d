/**
 * The last page read of each paper, so a paper opens where the reader left it. Owns: the stored
 * map (one `storage.local` key, the newest 500 papers) and reading it back from untrusted storage.
 * Never: keeps anything but a key and a page number.
 */

export const POSITIONS_KEY = 'readerPositions';
const KEEP = 500;

export interface PositionStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type Positions = Record<string, { page: number; at: number }>;

function positionsFrom(stored: unknown): Positions {
  if (typeof stored !== 'object' || stored === null) return {};
  const positions: Positions = {};
  for (const [key, value] of Object.entries(stored)) {
    const { page, at } = (value ?? {}) as { page?: unknown; at?: unknown };
    if (Number.isInteger(page) && (page as number) > 0 && typeof at === 'number') {
      positions[key] = { page: page as number, at };
    }
  }
  return positions;
}

/** The page last read in the paper `key`, or null. */
export async function lastPage(area: PositionStorage, key: string): Promise<number | null> {
  const positions = positionsFrom((await area.get(POSITIONS_KEY))[POSITIONS_KEY]);
  return positions[key]?.page ?? null;
}

/** Remembers `page` for `key`; the oldest papers are forgotten past the newest 500. */
export async function rememberPage(
  area: PositionStorage,
  key: string,
  page: number,
  now = Date.now(),
): Promise<void> {
  const positions = positionsFrom((await area.get(POSITIONS_KEY))[POSITIONS_KEY]);
  positions[key] = { page, at: now };
  const kept = Object.entries(positions)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, KEEP);
  await area.set({ [POSITIONS_KEY]: Object.fromEntries(kept) });
}

/**
 * The key a PDF is remembered by: its arXiv id when its address names one (every version and
 * mirror of a paper is one paper), else its address without the fragment, else the file's name
 * and size.
 */
export function positionKey(source: {
  url?: string;
  arxivId?: string | null;
  file?: { name: string; size: number };
}): string {
  if (source.arxivId) return `arxiv:${source.arxivId}`;
  if (source.url) return source.url.replace(/#.*$/, '');
  return `file:${source.file?.name ?? ''}:${source.file?.size ?? 0}`;
}
