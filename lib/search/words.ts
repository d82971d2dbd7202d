/**
 * Words as search sees them, for titles, authors, repos, abstracts and queries alike. Owns: how
 * text is cut into words (lower case, accents folded, split at every non-letter-or-digit and
 * between letters and digits, so `Easy2Hard`, `easy 2 hard` and `easy-2-hard` are the same three
 * words), how many typos a word tolerates, and the two edit distances. Never: indexes or ranks.
 */

export interface WordToken {
  /** Folded: lower case, no accents. */
  word: string;
  /** [start, end) in the text the token was cut from. */
  start: number;
  end: number;
}

// A word is a run of letters or a run of digits: where they meet, a new word starts.
const WORD = /\p{N}+|[\p{L}\p{M}]+/gu;
const ASCII_WORD = /[a-z]+|[0-9]+/g;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case without accents (`Gödel` → `godel`); ASCII text is only lower-cased. */
export function foldWord(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(/\p{M}/gu, '') : lower;
}

/** The words of `text` with where each stands in it (for highlighting). */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const part of text.matchAll(WORD)) {
    const word = foldWord(part[0]);
    if (word) tokens.push({ word, start: part.index, end: part.index + part[0].length });
  }
  return tokens;
}

/** Whether `text` is all ASCII (its words are then runs of a-z and 0-9 once lower-cased). */
export function isAsciiText(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Just the words of `text`, in order (the index builders call this for every paper). */
export function textWords(text: string): string[] {
  const folded = foldWord(text);
  return folded.match(NON_ASCII.test(folded) ? WORD : ASCII_WORD) ?? [];
}

/**
 * Typos a typed word may hold and still match: one edit from 5 letters, two from 9. Numbers
 * never: `2023` with a typo is another year.
 */
export function typoAllowance(word: string): number {
  if (/\d/.test(word)) return 0;
  if (word.length >= 9) return 2;
  return word.length >= 5 ? 1 : 0;
}

// Rows of the edit-distance table, reused: a search calls these thousands of times.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
let twoBackRow = new Int32Array(64);

/**
 * Whether `a` and `b` are at most `limit` edits apart (insert, delete, substitute, or swap two
 * neighbours: optimal string alignment). Stops as soon as a row is over the limit.
 */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  return editTable(a, b, limit, false) <= limit;
}

/**
 * Whether some prefix of `word` is at most `limit` edits from `typed`: `difus` is one edit from
 * `diffus`, the start of `diffusion`. For the word still being typed.
 */
export function prefixWithinEdits(typed: string, word: string, limit: number): boolean {
  if (word.length < typed.length - limit) return false;
  return editTable(typed, word, limit, true) <= limit;
}

/**
 * The table is laid out with a row per character of `a`: the last row's minimum over `b`'s
 * prefixes is the prefix distance, its last cell the full distance.
 */
function editTable(a: string, b: string, limit: number, prefixOfB: boolean): number {
  // Only the first a.length + limit characters of b can be part of a prefix within the limit.
  const columns = prefixOfB ? Math.min(b.length, a.length + limit) : b.length;
  if (columns + 1 > previousRow.length) {
    previousRow = new Int32Array(columns + 1);
    currentRow = new Int32Array(columns + 1);
    twoBackRow = new Int32Array(columns + 1);
  }
  for (let j = 0; j <= columns; j += 1) previousRow[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    currentRow[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= columns; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let cost = (previousRow[j - 1] as number) + (ai === bj ? 0 : 1);
      const deletion = (previousRow[j] as number) + 1;
      const insertion = (currentRow[j - 1] as number) + 1;
      if (deletion < cost) cost = deletion;
      if (insertion < cost) cost = insertion;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = (twoBackRow[j - 2] as number) + 1;
        if (swap < cost) cost = swap;
      }
      currentRow[j] = cost;
      if (cost < rowMinimum) rowMinimum = cost;
    }
    if (rowMinimum > limit) return limit + 1;
    const oldest = twoBackRow;
    twoBackRow = previousRow;
    previousRow = currentRow;
    currentRow = oldest;
  }
  if (!prefixOfB) return previousRow[columns] as number;
  let best = previousRow[0] as number;
  for (let j = 1; j <= columns; j += 1) best = Math.min(best, previousRow[j] as number);
  return best;
}

/** Which of 26 letters (and "a digit", "other") a word has: a cheap test before the table. */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << 26;
    else mask |= 1 << 27;
  }
  return mask;
}

export function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
