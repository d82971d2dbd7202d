/**
 * Building the abstract index (abstract-index.ts has its rows' shape): the words of every
 * abstract collected paper by paper, packed into bucket rows, and grouped into puts the worker
 * can write without a long stall. Owns: the builder's memory layout and its sort in steps.
 * Never: reads the index (abstract-lookup.ts does, in the popup).
 */
import {
  BUCKET_LENGTH,
  MAX_WORD_LENGTH,
  STOPWORDS,
  VOCABULARY_BUCKET,
  type AbstractIndexRow,
  type AbstractIndexTableRow,
  type AbstractVocabularyRow,
} from './abstract-index';
import { isAsciiText, textWords } from './words';

/**
 * Collects the words of abstracts, paper by paper, then packs them into rows.
 *
 * Kept flat, not as a list of papers per word: each paper's distinct word ids go on the end of
 * one typed array, and the lists are made once at the end by a counting sort. 200,000 growing
 * arrays (every word of 100,000 abstracts) made an import's indexing three times slower in the
 * worker than alone, its heap being full of the papers being imported.
 */
export class AbstractIndexBuilder {
  private readonly table = new WordTable();
  private readonly words: string[] = [];
  /** Per word id: the last paper it was added for (a word counts once per paper). */
  private lastPaper = new Int32Array(1 << 12).fill(-1);
  /** Word ids, paper after paper. */
  private entries = new Int32Array(1 << 16);
  private entryCount = 0;
  /** Per paper added: its index and where its entries start. */
  private readonly paperIndexes: number[] = [];
  private readonly paperStarts: number[] = [];
  private sorted: { offsets: Uint32Array; papers: Uint32Array } | null = null;

  constructor() {
    // Stopwords hold the first ids and are never added.
    for (const word of STOPWORDS) this.idOf(word, 0, word.length, hashOf(word));
  }

  /** Papers must be added in ascending index order (postings come out sorted). */
  add(paperIndex: number, abstract: string): void {
    this.sorted = null;
    this.paperIndexes.push(paperIndex);
    this.paperStarts.push(this.entryCount);
    const text = abstract.toLowerCase();
    if (!isAsciiText(text)) {
      for (const word of textWords(abstract)) {
        this.addWord(word, 0, word.length, hashOf(word), paperIndex);
      }
      return;
    }
    // textWords's cut for ASCII text (runs of a-z, runs of 0-9), hashed while it is read: a word
    // becomes a string only the first time it is seen.
    let start = 0;
    let kind = 0; // 0: neither, 1: a letter, 2: a digit
    let hash = HASH_SEED;
    for (let at = 0; at <= text.length; at += 1) {
      const code = at < text.length ? text.charCodeAt(at) : 0;
      const next = code >= 97 && code <= 122 ? 1 : code >= 48 && code <= 57 ? 2 : 0;
      if (next === kind) {
        hash = Math.imul(hash ^ code, HASH_PRIME);
        continue;
      }
      if (kind !== 0) this.addWord(text, start, at, hash, paperIndex);
      kind = next;
      start = at;
      hash = Math.imul(HASH_SEED ^ code, HASH_PRIME);
    }
  }

  /** The id of the word `text.slice(start, end)` (whose hash is `hash`), made if new. */
  private idOf(text: string, start: number, end: number, hash: number): number {
    let id = this.table.find(text, start, end, hash);
    if (id < 0) {
      id = this.table.insert(text, start, end, hash);
      this.words.push(text.slice(start, end));
      if (id >= this.lastPaper.length) {
        const grown = new Int32Array(this.lastPaper.length * 2).fill(-1);
        grown.set(this.lastPaper);
        this.lastPaper = grown;
      }
    }
    return id;
  }

  private addWord(text: string, start: number, end: number, hash: number, paperIndex: number) {
    const length = end - start;
    if (length < BUCKET_LENGTH || length > MAX_WORD_LENGTH) return;
    const id = this.idOf(text, start, end, hash);
    if (id < STOPWORDS.size || this.lastPaper[id] === paperIndex) return;
    this.lastPaper[id] = paperIndex;
    if (this.entryCount === this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    this.entries[this.entryCount] = id;
    this.entryCount += 1;
  }

  /** Every word's papers, contiguous and ascending: word `id`'s are `offsets[id]..offsets[id+1]`. */
  private postings(): { offsets: Uint32Array; papers: Uint32Array } {
    if (!this.sorted) {
      const sort = this.startSort();
      sort.count(0, this.entryCount);
      sort.place(0, this.paperIndexes.length);
      this.sorted = sort.done();
    }
    return this.sorted;
  }

  /** The same, in steps with `pause` between (17 million entries at 100,000 papers: 0.3 s). */
  private async postingsInSteps(pause: () => Promise<void>, step: number): Promise<void> {
    if (this.sorted) return;
    const sort = this.startSort();
    for (let from = 0; from < this.entryCount; from += step) {
      sort.count(from, Math.min(from + step, this.entryCount));
      await pause();
    }
    const papersPerStep = Math.max(
      1,
      Math.floor((step * this.paperIndexes.length) / Math.max(this.entryCount, 1)),
    );
    for (let from = 0; from < this.paperIndexes.length; from += papersPerStep) {
      sort.place(from, Math.min(from + papersPerStep, this.paperIndexes.length));
      await pause();
    }
    this.sorted = sort.done();
  }

  /** A counting sort of the entries by word: count every entry, then place every paper's. */
  private startSort() {
    const offsets = new Uint32Array(this.words.length + 1);
    const papers = new Uint32Array(this.entryCount);
    let cursor: Uint32Array | null = null;
    return {
      count: (from: number, to: number) => {
        for (let at = from; at < to; at += 1) {
          const next = (this.entries[at] ?? 0) + 1;
          offsets[next] = (offsets[next] ?? 0) + 1;
        }
      },
      place: (fromPaper: number, toPaper: number) => {
        if (!cursor) {
          for (let id = 0; id < this.words.length; id += 1) {
            offsets[id + 1] = (offsets[id + 1] ?? 0) + (offsets[id] ?? 0);
          }
          cursor = offsets.slice(0, this.words.length);
        }
        for (let i = fromPaper; i < toPaper; i += 1) {
          const paperIndex = this.paperIndexes[i] ?? 0;
          const end = this.paperStarts[i + 1] ?? this.entryCount;
          for (let at = this.paperStarts[i] ?? 0; at < end; at += 1) {
            const id = this.entries[at] ?? 0;
            papers[cursor[id] ?? 0] = paperIndex;
            cursor[id] = (cursor[id] ?? 0) + 1;
          }
        }
      },
      done: () => ({ offsets, papers }),
    };
  }

  rows(stamp: string): AbstractIndexTableRow[] {
    const rows: AbstractIndexTableRow[] = [];
    for (const [bucket, ids] of this.buckets()) rows.push(this.pack(bucket, ids, stamp));
    rows.push(this.vocabularyRow(stamp));
    return rows;
  }

  /** The same rows, packed a few buckets at a time with `pause` between (100,000 papers: 0.2 s). */
  async rowsInChunks(
    stamp: string,
    pause: () => Promise<void>,
    sortStep = SORT_STEP,
  ): Promise<AbstractIndexTableRow[]> {
    await this.postingsInSteps(pause, sortStep);
    const rows: AbstractIndexTableRow[] = [];
    for (const [bucket, ids] of this.buckets()) {
      rows.push(this.pack(bucket, ids, stamp));
      if (rows.length % 100 === 0) await pause();
    }
    rows.push(this.vocabularyRow(stamp));
    return rows;
  }

  /** Ids of the words indexed (not stopwords, in some paper). */
  private indexedIds(): number[] {
    const { offsets } = this.postings();
    const ids: number[] = [];
    for (let id = STOPWORDS.size; id < this.words.length; id += 1) {
      if ((offsets[id + 1] ?? 0) > (offsets[id] ?? 0)) ids.push(id);
    }
    return ids;
  }

  private vocabularyRow(stamp: string): AbstractVocabularyRow {
    const words = this.indexedIds().map((id) => this.words[id] ?? '');
    return { bucket: VOCABULARY_BUCKET, stamp, vocabulary: words.sort().join('\n') };
  }

  private buckets(): Map<string, number[]> {
    const buckets = new Map<string, number[]>();
    for (const id of this.indexedIds()) {
      const bucket = (this.words[id] ?? '').slice(0, BUCKET_LENGTH);
      const ids = buckets.get(bucket);
      if (ids) ids.push(id);
      else buckets.set(bucket, [id]);
    }
    return buckets;
  }

  private pack(bucket: string, ids: number[], stamp: string): AbstractIndexRow {
    const { offsets, papers: all } = this.postings();
    const word = (id: number) => this.words[id] ?? '';
    ids.sort((a, b) => (word(a) < word(b) ? -1 : word(a) > word(b) ? 1 : 0));
    const starts = new Uint32Array(ids.length + 1);
    let total = 0;
    ids.forEach((id, i) => {
      starts[i] = total;
      total += (offsets[id + 1] ?? 0) - (offsets[id] ?? 0);
    });
    starts[ids.length] = total;
    const papers = new Uint32Array(total);
    ids.forEach((id, i) => {
      papers.set(all.subarray(offsets[id] ?? 0, offsets[id + 1] ?? 0), starts[i] ?? 0);
    });
    return { bucket, stamp, words: ids.map(word), starts, papers };
  }
}

/**
 * Rows grouped for writing, about `maxBytes` of postings per put. IndexedDB clones a value
 * synchronously when it is put (measured at about 9 ms per MB in the worker), so a put of 100
 * rows that happened to hold 18 MB stalled the worker for 170 ms; a row larger than `maxBytes`
 * (about 1 MB at most at 100,000 papers) goes alone.
 */
export function rowsInPuts(
  rows: readonly AbstractIndexTableRow[],
  maxBytes = INDEX_PUT_BYTES,
): AbstractIndexTableRow[][] {
  const puts: AbstractIndexTableRow[][] = [];
  let current: AbstractIndexTableRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size =
      'vocabulary' in row
        ? row.vocabulary.length * 2
        : row.papers.byteLength + row.starts.byteLength + row.words.length * 16;
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
): AbstractIndexTableRow[] {
  const builder = new AbstractIndexBuilder();
  abstracts.forEach((abstract, index) => builder.add(index, abstract));
  return builder.rows(stamp);
}

/** Entries counted (or about as many placed) between pauses while sorting: about 20 ms. */
const SORT_STEP = 1 << 20;

const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, as `AbstractIndexBuilder.add` hashes a word while reading it. */
function hashOf(word: string): number {
  let hash = HASH_SEED;
  for (let at = 0; at < word.length; at += 1) {
    hash = Math.imul(hash ^ word.charCodeAt(at), HASH_PRIME);
  }
  return hash;
}

/**
 * Words by id in typed arrays (open addressing over their hashes, their characters in one
 * pool), so that finding a word read from a text needs no string: looking up 17 million fresh
 * strings in a Map was most of an import's indexing time in the worker.
 */
class WordTable {
  private slots = new Int32Array(1 << 13);
  private hashes = new Int32Array(1 << 12);
  private starts = new Int32Array(1 << 12);
  private lengths = new Uint8Array(1 << 12);
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private count = 0;

  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (this.slots[slot] ?? 0) - 1;
      if (id < 0) return -1;
      if (this.hashes[id] !== hash || this.lengths[id] !== length) continue;
      const from = this.starts[id] ?? 0;
      let same = true;
      for (let at = 0; at < length; at += 1) {
        if (this.pool[from + at] !== text.charCodeAt(start + at)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /** Adds a word `find` did not find; returns its id (ids count up from 0). */
  insert(text: string, start: number, end: number, hash: number): number {
    const id = this.count;
    this.count += 1;
    if (this.count >= this.hashes.length) this.growIds();
    if (this.count * 2 > this.slots.length) this.growSlots();
    const length = end - start;
    while (this.poolUsed + length > this.pool.length) {
      const grown = new Uint16Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    for (let at = 0; at < length; at += 1)
      this.pool[this.poolUsed + at] = text.charCodeAt(start + at);
    this.hashes[id] = hash;
    this.starts[id] = this.poolUsed;
    this.lengths[id] = length;
    this.poolUsed += length;
    this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[id] ?? 0) & mask;
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private growIds(): void {
    const size = this.hashes.length * 2;
    const hashes = new Int32Array(size);
    hashes.set(this.hashes);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const lengths = new Uint8Array(size);
    lengths.set(this.lengths);
    this.hashes = hashes;
    this.starts = starts;
    this.lengths = lengths;
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.count - 1; id += 1) this.place(id);
  }
}
