/**
 * The token index behind "words of the abstract" in the popup's search. Owns: how abstracts are
 * cut into words, the packed index rows the worker writes with every digest change, and matching
 * query words against them. Never: holds abstracts (the popup must not load 100 MB of text to
 * search it) or reads anything but the rows of the words asked for.
 *
 * Rows are buckets of words sharing their first BUCKET_LENGTH characters: a few thousand rows
 * instead of hundreds of thousands of one-word rows (IndexedDB writes cost per row), and a word
 * being typed is a prefix that lives in one bucket. Postings are indexes into the search record
 * written in the same transaction, so they are never out of step with it.
 */

/** A word shorter than this is not indexed and not looked for. */
export const BUCKET_LENGTH = 3;
const MAX_WORD_LENGTH = 32;

export interface AbstractIndexRow {
  /** The first BUCKET_LENGTH characters of every word in the row. */
  bucket: string;
  /** The `stamp` of the search record whose indexes these postings are. */
  stamp: string;
  /** Sorted. */
  words: string[];
  /** Postings of `words[i]` are `papers[starts[i]] .. papers[starts[i + 1] - 1]`, ascending. */
  starts: Uint32Array;
  papers: Uint32Array;
}

// Words that say nothing about a paper: looking them up would only cost time.
const STOPWORDS = new Set(
  (
    'the and for are but not you all any can her was one our out has had his how its may new now ' +
    'see two who did get him let say she too use that with this from they were been have than ' +
    'then them these those their there which while where when what will would could should ' +
    'into onto over under also such each other more most some very only both same just about ' +
    'after before between through during without within upon via per our ours your yours its ' +
    'being does doing done here thus hence however whether either neither among across'
  ).split(' '),
);

const WORD = /[a-z0-9]+/g;

/** The distinct indexable words of a text: lower case, accents removed, no stopwords. */
export function abstractWords(text: string): string[] {
  const words = new Set<string>();
  for (const [word] of foldText(text).matchAll(WORD)) {
    if (word.length >= BUCKET_LENGTH && word.length <= MAX_WORD_LENGTH && !STOPWORDS.has(word)) {
      words.add(word);
    }
  }
  return [...words];
}

function foldText(text: string): string {
  // Mostly ASCII: skip the (slow) normalisation when there is nothing to fold.
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(lower)
    ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    : lower;
}

/** Collects the words of abstracts, paper by paper, then packs them into rows. */
export class AbstractIndexBuilder {
  private readonly postings = new Map<string, number[]>();

  add(paperIndex: number, abstract: string): void {
    for (const word of abstractWords(abstract)) {
      const list = this.postings.get(word);
      if (list) list.push(paperIndex);
      else this.postings.set(word, [paperIndex]);
    }
  }

  rows(stamp: string): AbstractIndexRow[] {
    const rows: AbstractIndexRow[] = [];
    for (const [bucket, words] of this.buckets()) rows.push(this.pack(bucket, words, stamp));
    return rows;
  }

  /** The same rows, packed a few buckets at a time with `pause` between (100,000 papers: 0.2 s). */
  async rowsInChunks(stamp: string, pause: () => Promise<void>): Promise<AbstractIndexRow[]> {
    const rows: AbstractIndexRow[] = [];
    for (const [bucket, words] of this.buckets()) {
      rows.push(this.pack(bucket, words, stamp));
      if (rows.length % 100 === 0) await pause();
    }
    return rows;
  }

  private buckets(): Map<string, string[]> {
    const buckets = new Map<string, string[]>();
    for (const word of this.postings.keys()) {
      const bucket = word.slice(0, BUCKET_LENGTH);
      const words = buckets.get(bucket);
      if (words) words.push(word);
      else buckets.set(bucket, [word]);
    }
    return buckets;
  }

  private pack(bucket: string, words: string[], stamp: string): AbstractIndexRow {
    words.sort();
    const starts = new Uint32Array(words.length + 1);
    let total = 0;
    words.forEach((word, i) => {
      starts[i] = total;
      total += this.postings.get(word)?.length ?? 0;
    });
    starts[words.length] = total;
    const papers = new Uint32Array(total);
    words.forEach((word, i) => {
      // Papers are added in index order, so each list is already ascending.
      papers.set(this.postings.get(word) ?? [], starts[i] ?? 0);
    });
    return { bucket, stamp, words, starts, papers };
  }
}

/**
 * Rows grouped for writing, about `maxBytes` of postings per put. IndexedDB clones a value
 * synchronously when it is put (measured at about 9 ms per MB in the worker), so a put of 100
 * rows that happened to hold 18 MB stalled the worker for 170 ms; a row larger than `maxBytes`
 * (about 1 MB at most at 100,000 papers) goes alone.
 */
export function rowsInPuts(
  rows: readonly AbstractIndexRow[],
  maxBytes = INDEX_PUT_BYTES,
): AbstractIndexRow[][] {
  const puts: AbstractIndexRow[][] = [];
  let current: AbstractIndexRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = row.papers.byteLength + row.starts.byteLength + row.words.length * 16;
    if (current.length > 0 && bytes + size > maxBytes) {
      puts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) puts.push(current);
  return puts;
}

export const INDEX_PUT_BYTES = 1_000_000;

export function buildAbstractIndex(
  abstracts: readonly string[],
  stamp: string,
): AbstractIndexRow[] {
  const builder = new AbstractIndexBuilder();
  abstracts.forEach((abstract, index) => builder.add(index, abstract));
  return builder.rows(stamp);
}

/** The words of a query to look for in abstracts; the last one is a prefix while it is typed. */
export interface AbstractQuery {
  words: string[];
  lastIsPrefix: boolean;
}

export function abstractQuery(text: string): AbstractQuery | null {
  const typing = !/\s$/.test(text);
  const parts = foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const words = parts.filter(
    (word, i) =>
      word.length >= BUCKET_LENGTH &&
      word.length <= MAX_WORD_LENGTH &&
      // A stopword is skipped, unless it may be the start of a longer word being typed.
      (!STOPWORDS.has(word) || (typing && i === parts.length - 1)),
  );
  if (words.length === 0) return null;
  const lastIsPrefix = typing && words.at(-1) === parts.at(-1);
  return { words, lastIsPrefix };
}

export type ReadBucket = (bucket: string) => Promise<AbstractIndexRow | undefined>;

/**
 * Indexes of the papers whose abstracts contain every query word (the last as a prefix when it
 * is being typed), ascending. Rows are read through `readBucket` and kept for the next keystroke;
 * a row written for another search record than the one with `stamp` counts as absent (the digest
 * changed since the popup loaded its record: its postings would name the wrong papers).
 */
export function createAbstractMatcher(readBucket: ReadBucket, paperCount: number, stamp: string) {
  const rows = new Map<string, Promise<AbstractIndexRow | undefined>>();
  const row = (bucket: string) => {
    let found = rows.get(bucket);
    if (!found) {
      found = readBucket(bucket).then((read) => (read?.stamp === stamp ? read : undefined));
      rows.set(bucket, found);
    }
    return found;
  };

  return async function match(query: AbstractQuery): Promise<number[]> {
    const lists = await Promise.all(
      query.words.map(async (word, i) =>
        postingsOf(
          await row(word.slice(0, BUCKET_LENGTH)),
          word,
          query.lastIsPrefix && i === query.words.length - 1,
          paperCount,
        ),
      ),
    );
    lists.sort((a, b) => a.length - b.length);
    let result = lists[0] ?? new Uint32Array(0);
    for (const other of lists.slice(1)) result = intersect(result, other);
    return Array.from(result);
  };
}

function postingsOf(
  row: AbstractIndexRow | undefined,
  word: string,
  prefix: boolean,
  paperCount: number,
): Uint32Array {
  if (!row) return new Uint32Array(0);
  const first = lowerBound(row.words, word);
  if (!prefix) {
    return row.words[first] === word ? slice(row, first) : new Uint32Array(0);
  }
  let last = first;
  while (last < row.words.length && (row.words[last] ?? '').startsWith(word)) last += 1;
  if (last - first === 1) return slice(row, first);
  // Several words share the prefix: their union, ascending, through one mark per paper.
  const marks = new Uint8Array(paperCount);
  for (let i = first; i < last; i += 1) for (const paper of slice(row, i)) marks[paper] = 1;
  const union: number[] = [];
  marks.forEach((mark, paper) => mark && union.push(paper));
  return Uint32Array.from(union);
}

function slice(row: AbstractIndexRow, wordIndex: number): Uint32Array {
  return row.papers.subarray(row.starts[wordIndex] ?? 0, row.starts[wordIndex + 1] ?? 0);
}

function lowerBound(sorted: readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      out.push(x);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return Uint32Array.from(out);
}
