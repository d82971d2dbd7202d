/**
 * How a query's words meet one text: which words of a title match which query words, whether
 * they stand together in order, and what to highlight; for abstracts, the sentence that holds
 * most of the query. Owns: the highlight rule (a whole word, or the typed start of a word, never
 * letters in the middle of one). Never: decides which papers match (word-sets.ts does).
 */
import type { QueryWord } from './vocabulary';
import { wordTokens, type WordToken } from './words';

/** A query word with the words its typos were found to match (in any index). */
export interface MatchableWord extends QueryWord {
  typos: ReadonlySet<string>;
}

export type Range = [number, number];

type Kind = 'exact' | 'prefix' | 'typo';

/** How a word of a text matches a query word, or null. */
export function tokenMatch(token: string, query: MatchableWord): Kind | null {
  if (token === query.word) return 'exact';
  if (token.startsWith(query.word)) {
    if (query.typing) return 'exact';
    if (query.word.length >= 3) return 'prefix';
  }
  return query.typos.has(token) ? 'typo' : null;
}

/** The highlight of a token matched by `query`: the typed start of the word being typed, else all of it. */
function tokenRange(token: WordToken, query: MatchableWord, kind: Kind): Range {
  if (kind !== 'exact' || !query.typing || token.word.length === query.word.length) {
    return [token.start, token.end];
  }
  return [token.start, Math.min(token.end, token.start + query.word.length)];
}

interface Step {
  /** Query words used (1, or 2 for a joined pair). */
  words: number;
  /** Tokens used (1, or 2 for a split word). */
  tokens: number;
  ranges: Range[];
}

const NO_TYPOS: ReadonlySet<string> = new Set();

/** The query words as matched: each alone, and each joined with the next (`multi` + `task`). */
interface Prepared {
  words: MatchableWord[];
  joined: (MatchableWord | undefined)[];
}

function prepare(words: MatchableWord[]): Prepared {
  return {
    words,
    joined: words.map((word, i) => {
      const next = words[i + 1];
      return next
        ? { word: word.word + next.word, typing: next.typing, typos: NO_TYPOS }
        : undefined;
    }),
  };
}

/** Query word `i` (alone, or joined with the next) at token `j`, or null. */
function stepAt(tokens: WordToken[], j: number, query: Prepared, i: number): Step | null {
  const token = tokens[j] as WordToken;
  const word = query.words[i] as MatchableWord;
  const joined = query.joined[i];
  if (joined && tokenMatch(token.word, joined) === 'exact') {
    return { words: 2, tokens: 1, ranges: [tokenRange(token, joined, 'exact')] };
  }
  const kind = tokenMatch(token.word, word);
  if (kind) return { words: 1, tokens: 1, ranges: [tokenRange(token, word, kind)] };
  // One query word as two words of the text (`multitask` in `Multi-Task`).
  const following = tokens[j + 1];
  if (following && word.word.length > token.word.length && word.word.startsWith(token.word)) {
    const rest: MatchableWord = {
      word: word.word.slice(token.word.length),
      typing: word.typing,
      typos: NO_TYPOS,
    };
    if (tokenMatch(following.word, rest) === 'exact') {
      return {
        words: 1,
        tokens: 2,
        ranges: [[token.start, token.end], tokenRange(following, rest, 'exact')],
      };
    }
  }
  return null;
}

export interface TitleMatch {
  /** How many query words are in the title (not only in the authors or repos). */
  words: number;
  /** The query words that are in the title stand together in it, in the query's order. */
  phrase: boolean;
  /** 3: the title is the query; 2: it starts with those words together; 1: with the first. */
  start: 0 | 1 | 2 | 3;
  ranges: Range[];
}

export function matchTitle(title: string, matchable: MatchableWord[]): TitleMatch {
  const words = prepare(matchable);
  const tokens = wordTokens(title);
  const found = new Array<boolean>(matchable.length).fill(false);
  const ranges: Range[] = [];
  for (let j = 0; j < tokens.length; j += 1) {
    for (let i = 0; i < matchable.length; i += 1) {
      const step = stepAt(tokens, j, words, i);
      if (!step) continue;
      for (let k = 0; k < step.words; k += 1) found[i + k] = true;
      ranges.push(...step.ranges);
    }
  }
  const inTitle = prepare(matchable.filter((_, i) => found[i]));
  const firstAt: number[] = [];
  for (let j = 0; j < tokens.length && inTitle.words.length > 0; j += 1) {
    if (stepAt(tokens, j, inTitle, 0)) firstAt.push(j);
  }
  let phrase = false;
  let start: TitleMatch['start'] = firstAt[0] === 0 ? 1 : 0;
  for (const j of firstAt) {
    const end = phraseEnd(tokens, j, inTitle);
    if (end < 0) continue;
    phrase = true;
    if (j === 0) start = end === tokens.length && inTitle.words.length === matchable.length ? 3 : 2;
    break;
  }
  return { words: inTitle.words.length, phrase, start, ranges: mergeRanges(ranges) };
}

/** The token after the query read word by word from token `j`, or -1 when it breaks off. */
function phraseEnd(tokens: WordToken[], j: number, words: Prepared): number {
  let at = j;
  for (let i = 0; i < words.words.length;) {
    if (at >= tokens.length) return -1;
    const step = stepAt(tokens, at, words, i);
    if (!step) return -1;
    i += step.words;
    at += step.tokens;
  }
  return at;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export interface Snippet {
  text: string;
  ranges: Range[];
}

const SNIPPET_LENGTH = 220;

/**
 * The sentence of `abstract` holding most of the query's words (the earliest of equals), cut to
 * about SNIPPET_LENGTH characters around its first match, with the matched words highlighted.
 * Null when no sentence has any.
 */
export function abstractSnippet(abstract: string, matchable: MatchableWord[]): Snippet | null {
  const words = prepare(matchable);
  let best: { sentence: string; ranges: Range[]; score: number } | null = null;
  for (const sentence of abstract.split(/(?<=[.!?])\s+/)) {
    const tokens = wordTokens(sentence);
    const found = new Set<number>();
    const ranges: Range[] = [];
    for (let j = 0; j < tokens.length; j += 1) {
      for (let i = 0; i < matchable.length; i += 1) {
        const step = stepAt(tokens, j, words, i);
        if (!step) continue;
        for (let k = 0; k < step.words; k += 1) found.add(i + k);
        ranges.push(...step.ranges);
      }
    }
    if (found.size > (best?.score ?? 0)) best = { sentence, ranges, score: found.size };
  }
  if (!best) return null;
  const merged = mergeRanges(best.ranges);
  const { sentence } = best;
  if (sentence.length <= SNIPPET_LENGTH) return { text: sentence, ranges: merged };
  // Start a little before the first match, at a word boundary.
  const first = merged[0]?.[0] ?? 0;
  let from = Math.max(0, first - 60);
  if (from > 0) from = sentence.indexOf(' ', from) + 1 || from;
  let to = Math.min(sentence.length, from + SNIPPET_LENGTH);
  if (to < sentence.length)
    to = sentence.lastIndexOf(' ', to) > from ? sentence.lastIndexOf(' ', to) : to;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < sentence.length ? '…' : '';
  const shift = prefix.length - from;
  return {
    text: `${prefix}${sentence.slice(from, to)}${suffix}`,
    ranges: merged
      .filter(([start, end]) => start >= from && end <= to)
      .map(([start, end]): Range => [start + shift, end + shift]),
  };
}
