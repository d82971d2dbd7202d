/**
 * Columns of strings, one per paper: how the search record stores a column (one string and the
 * lengths: IndexedDB clones one long string as a block, while 100,000 small strings cost it, and
 * the popup reading them back, about 1 µs each) and how it reads one back without cutting it up.
 * Never: knows what the strings are.
 */

/**
 * Strings read by position: an array where the record is built, a packed column where it is
 * read back (`packedColumn`), which slices one string only when it is asked for.
 */
export interface TextColumn {
  readonly length: number;
  at(index: number): string | undefined;
}

export interface PackedStrings {
  text: string;
  lengths: Lengths;
}

/** Lengths in the narrowest typed array that holds them (Uint32Array in rows written before). */
export type Lengths = Uint8Array | Uint16Array | Uint32Array;

export function lengthsArray(lengths: readonly number[]): Lengths {
  const longest = lengths.reduce((most, length) => Math.max(most, length), 0);
  if (longest <= 0xff) return Uint8Array.from(lengths);
  if (longest <= 0xffff) return Uint16Array.from(lengths);
  return Uint32Array.from(lengths);
}

export function packStrings(values: TextColumn): PackedStrings {
  const lengths = new Array<number>(values.length);
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values.at(i) ?? '';
    lengths[i] = value.length;
    parts[i] = value;
  }
  return { text: parts.join(''), lengths: lengthsArray(lengths) };
}

/**
 * A packed column read in place. Cutting 100,000 titles into strings when the popup opens took
 * it 14-55 ms; a search reads a few hundred of them.
 */
export function packedColumn({ text, lengths }: PackedStrings): TextColumn {
  return rangeColumn(lengths, (from, to) => text.slice(from, to));
}

/**
 * A column whose string `i` is `read` from the `i`-th of consecutive ranges of `lengths` (of
 * characters, bytes, ...). Where each range ends is added up at the first read, not when the
 * column is read back.
 */
export function rangeColumn(
  lengths: Lengths,
  read: (from: number, to: number) => string,
): TextColumn {
  let ends: Uint32Array | null = null;
  const endsOf = () => {
    if (!ends) {
      ends = new Uint32Array(lengths.length);
      let end = 0;
      for (let i = 0; i < lengths.length; i += 1) {
        end += lengths[i] ?? 0;
        ends[i] = end;
      }
    }
    return ends;
  };
  return {
    length: lengths.length,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= lengths.length) return undefined;
      const to = endsOf();
      return read(index === 0 ? 0 : (to[index - 1] as number), to[index] as number);
    },
  };
}

/**
 * `text` cut at each `separator` (which the strings do not contain), read in place: where each
 * string ends is found at the first read. An empty `text` holds no string.
 */
export function separatedColumn(text: string, separator: string): TextColumn {
  let ends: Uint32Array | null = null;
  const endsOf = () => {
    if (!ends) {
      const found: number[] = [];
      for (
        let at = text.indexOf(separator);
        at >= 0;
        at = text.indexOf(separator, at + separator.length)
      ) {
        found.push(at);
      }
      found.push(text.length);
      ends = Uint32Array.from(found);
    }
    return ends;
  };
  const lengthOf = () => (text === '' ? 0 : endsOf().length);
  return {
    get length() {
      return lengthOf();
    },
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= lengthOf()) return undefined;
      const to = endsOf();
      return text.slice(index === 0 ? 0 : (to[index - 1] as number) + separator.length, to[index]);
    },
  };
}

/** Every string of a column, in order. */
export function columnValues(column: TextColumn): string[] {
  const values = new Array<string>(column.length);
  for (let i = 0; i < column.length; i += 1) values[i] = column.at(i) ?? '';
  return values;
}
