/**
 * A column of titles stored as the words between their spaces: each distinct word once, the most
 * frequent first, and each title as the positions of its words, 7 bits a byte. Titles repeat
 * their words ("of", "for", "Learning", "Models"), so at 100,000 papers this is a few MB where
 * the titles themselves are 9 MB, and the popup's reading time follows the bytes. A title is put
 * together again only when it is read (a search reads a few hundred). Splitting at each single
 * space and joining with one gives back any string exactly, so nothing is normalised here.
 * Never: knows what the strings mean.
 */
import {
  lengthsArray,
  packedColumn,
  packStrings,
  rangeColumn,
  type Lengths,
  type PackedStrings,
  type TextColumn,
} from './text-column';
import { runToEnd } from './steps';
import { readVarints, varintBytes, writeVarint } from './varint';

export interface StoredTokenColumn {
  /** Every distinct word, the most frequent first. */
  tokens: PackedStrings;
  /** Each string's word positions in `tokens`, one after another (`writeVarint`). */
  codes: Uint8Array;
  /** Bytes of `codes` each string takes. */
  codeLengths: Lengths;
}

/** Strings between a single space: `''.split(' ')` is `['']`, so every string has one at least. */
const SEPARATOR = ' ';

/** Values packed per step when packing in steps. */
const STEP = 10_000;

export function packTokenColumn(values: TextColumn): StoredTokenColumn {
  return runToEnd(packTokenColumnSteps(values));
}

/** The same packing, yielding every STEP strings (for the worker, which must not stall). */
export function* packTokenColumnSteps(values: TextColumn): Generator<void, StoredTokenColumn> {
  const counts = new Map<string, number>();
  for (let start = 0; start < values.length; start += STEP) {
    for (let i = start; i < Math.min(start + STEP, values.length); i += 1) {
      for (const token of (values.at(i) ?? '').split(SEPARATOR)) {
        counts.set(token, (counts.get(token) ?? 0) + 1);
      }
    }
    yield;
  }
  // Ties in code-unit order, so that the same strings always give the same bytes.
  const tokens = [...counts.keys()].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const positionOf = new Map(tokens.map((token, position) => [token, position]));
  yield;
  const lengths = new Array<number>(values.length);
  let total = 0;
  const positions: number[][] = [];
  for (let start = 0; start < values.length; start += STEP) {
    for (let i = start; i < Math.min(start + STEP, values.length); i += 1) {
      const own = (values.at(i) ?? '').split(SEPARATOR).map((token) => positionOf.get(token) ?? 0);
      let bytes = 0;
      for (const position of own) bytes += varintBytes(position);
      lengths[i] = bytes;
      total += bytes;
      positions[i] = own;
    }
    yield;
  }
  const codes = new Uint8Array(total);
  let at = 0;
  for (let start = 0; start < values.length; start += STEP) {
    for (let i = start; i < Math.min(start + STEP, values.length); i += 1) {
      for (const position of positions[i] ?? []) at = writeVarint(position, codes, at);
    }
    yield;
  }
  return { tokens: packStrings(tokens), codes, codeLengths: lengthsArray(lengths) };
}

/** A token column read in place: a string is put together when it is asked for. */
export function tokenColumn({ tokens, codes, codeLengths }: StoredTokenColumn): TextColumn {
  const words = packedColumn(tokens);
  return rangeColumn(codeLengths, (from, to) => {
    const parts: string[] = [];
    readVarints(codes, from, to, (position) => parts.push(words.at(position) ?? ''));
    return parts.join(SEPARATOR);
  });
}
