/**
 * A sorted list of distinct words and what a typed word matches in it: the word itself, words it
 * starts, words within its typo allowance, and two words it joins (`multitask` = `multi` +
 * `task`). Owns: those expansions and their cost (a typo scan reads a letter mask per word before
 * any edit table). Never: knows papers (postings belong to the index that owns the vocabulary).
 */
import type { TextColumn } from './text-column';
import { bitCount, letterMask, prefixWithinEdits, typoAllowance, withinEdits } from './words';

/** A word of the query, and whether the user is still typing it (no space after it yet). */
export interface QueryWord {
  word: string;
  typing: boolean;
}

/** Vocabulary positions a query word matches, split by how well. */
export interface WordExpansion {
  /** The word itself, or every word it starts while it is being typed. */
  exact: number[];
  /** Longer words a finished word starts (`model` → `models`). */
  longer: number[];
  /** Words within its typo allowance (of a prefix of them while it is being typed). */
  typos: number[];
}

/** A finished word this short names itself only: `gp` is not the start of every `gp…` word. */
const MIN_PREFIX = 3;
/** Typo matches kept per word, the closest in spelling first: beyond them it is noise. */
const MAX_TYPO_WORDS = 64;
/** Expansions kept: the words of the last few queries, as they are typed and retyped. */
const CACHED_EXPANSIONS = 256;

export class Vocabulary {
  private masks: Uint32Array | null = null;
  private readonly expansions = new Map<string, WordExpansion>();

  /** `words` sorted by code unit (`Array.prototype.sort` order), distinct. */
  constructor(readonly words: TextColumn) {}

  indexOf(word: string): number {
    const at = this.lowerBound(word);
    return this.words.at(at) === word ? at : -1;
  }

  /** [from, to) of the words that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    // Every word starting with `prefix` sorts before `prefix` + the highest code unit.
    const to = this.lowerBound(`${prefix}\uffff`);
    return [from, to];
  }

  expand(query: QueryWord): WordExpansion {
    const key = `${query.typing ? '+' : '='}${query.word}`;
    let expansion = this.expansions.get(key);
    if (!expansion) {
      if (this.expansions.size >= CACHED_EXPANSIONS) this.expansions.clear();
      expansion = this.expandNow(query);
      this.expansions.set(key, expansion);
    }
    return expansion;
  }

  private expandNow({ word, typing }: QueryWord): WordExpansion {
    const exact: number[] = [];
    const longer: number[] = [];
    if (typing) {
      const [from, to] = this.prefixRange(word);
      for (let i = from; i < to; i += 1) exact.push(i);
    } else {
      const at = this.indexOf(word);
      if (at >= 0) exact.push(at);
      if (word.length >= MIN_PREFIX) {
        const [from, to] = this.prefixRange(word);
        for (let i = from; i < to; i += 1) if (i !== at) longer.push(i);
      }
    }
    return { exact, longer, typos: this.typos(word, typing) };
  }

  /**
   * Words within the typo allowance of `word` (of a prefix of them when `typing`), excluding
   * those it matches exactly. A letter-mask test skips most words before the edit table: a word
   * missing more of the typed letters than the allowance cannot be within it.
   */
  typos(word: string, typing: boolean): number[] {
    const limit = typoAllowance(word);
    if (limit === 0) return [];
    const masks = this.letterMasks();
    const wanted = letterMask(word);
    const found: number[] = [];
    const length = word.length;
    // Words sort digits before letters: a word without digits is never a typo of a number.
    const first = /\d/.test(word) ? 0 : this.lowerBound('a');
    for (let i = first; i < this.words.length; i += 1) {
      const mask = masks[i] as number;
      if (bitCount(wanted & ~mask) > limit) continue;
      const candidate = this.words.at(i) as string;
      if (typing) {
        if (candidate.length < length - limit || candidate.startsWith(word)) continue;
        if (prefixWithinEdits(word, candidate, limit)) found.push(i);
      } else {
        if (Math.abs(candidate.length - length) > limit || candidate === word) continue;
        if (bitCount(mask & ~wanted) > limit) continue;
        if (candidate.startsWith(word)) continue; // already near as a longer word it starts
        if (withinEdits(word, candidate, limit)) found.push(i);
      }
    }
    if (found.length <= MAX_TYPO_WORDS) return found;
    // Many words are one edit from a short typed prefix: keep the ones closest in length.
    return found
      .sort(
        (a, b) =>
          Math.abs((this.words.at(a) as string).length - length) -
          Math.abs((this.words.at(b) as string).length - length),
      )
      .slice(0, MAX_TYPO_WORDS);
  }

  /**
   * Ways to cut `word` into two words of this vocabulary, each of 2 letters or more (the second
   * only has to start a word while `typing`).
   */
  splits({ word, typing }: QueryWord): [string, string][] {
    if (word.length < 4 || /\d/.test(word)) return [];
    const pairs: [string, string][] = [];
    for (let cut = 2; cut <= word.length - 2; cut += 1) {
      const left = word.slice(0, cut);
      const right = word.slice(cut);
      if (this.indexOf(left) < 0) continue;
      const [from, to] = this.prefixRange(right);
      if (typing ? to > from : this.words.at(from) === right) pairs.push([left, right]);
    }
    return pairs;
  }

  private letterMasks(): Uint32Array {
    if (!this.masks) {
      const masks = new Uint32Array(this.words.length);
      for (let i = 0; i < masks.length; i += 1) masks[i] = letterMask(this.words.at(i) ?? '');
      this.masks = masks;
    }
    return this.masks;
  }

  private lowerBound(target: string): number {
    return lowerBound(this.words, target);
  }
}

/** The first position in `sorted` (code-unit order) whose word is not below `target`. */
export function lowerBound(sorted: TextColumn, target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted.at(middle) as string) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
