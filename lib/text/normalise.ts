/**
 * Text normalisation for everything that comes from outside (digests, pages, imports).
 * Owns: turning arbitrary strings into single-line display text of bounded length.
 * Never: interprets markup. The result is still untrusted text and is rendered as text.
 */

// C0/C1 controls (whitespace among them is handled first), plus bidi embeddings, overrides and
// isolates: they let a title visually reorder the text around it (a "Trojan Source" style spoof).
const CONTROL_AND_BIDI =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]/g;
const WHITESPACE_RUN = /[\s\u00a0\u2028\u2029]+/g;

/** Collapses whitespace, drops control and bidi-override characters, trims and caps the length. */
export function normaliseText(value: string, maxLength: number): string {
  const clean = value.replace(WHITESPACE_RUN, ' ').replace(CONTROL_AND_BIDI, '').trim();
  if (clean.length <= maxLength) return clean;
  // Cut on a code point boundary so a surrogate pair is never split in half.
  const points = Array.from(clean);
  return points.length <= maxLength
    ? clean
    : `${points
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`;
}
