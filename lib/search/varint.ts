/**
 * Unsigned integers 7 bits a byte, low bits first, the high bit set on every byte but a number's
 * last: small numbers (gaps between papers, positions of frequent words) take one byte. Division,
 * not shifts: a value can exceed the 31 bits shifts keep. Never: knows what the numbers are.
 */

export function varintBytes(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) bytes += 1;
  return bytes;
}

/** Writes `value` into `out` at `at`; returns where it stopped. */
export function writeVarint(value: number, out: Uint8Array, at: number): number {
  let position = at;
  let rest = value;
  while (rest >= 0x80) {
    out[position++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  out[position++] = rest;
  return position;
}

/** Calls `each` with every number written into `bytes[from, to)`, in order. */
export function readVarints(
  bytes: Uint8Array,
  from: number,
  to: number,
  each: (value: number) => void,
): void {
  let at = from;
  while (at < to) {
    let byte = bytes[at++] as number;
    let value = byte & 0x7f;
    for (let scale = 0x80; byte & 0x80; scale *= 0x80) {
      byte = bytes[at++] as number;
      value += (byte & 0x7f) * scale;
    }
    each(value);
  }
}
