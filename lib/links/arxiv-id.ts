/**
 * arXiv identifiers. Owns: recognising an id in any of its spellings and reducing it to the
 * canonical key form (no version, no `arXiv:` prefix). Never: looks at hosts or paths; URL
 * forms live in the link parsers that call this.
 */

// New scheme since April 2007: YYMM.NNNN to 1412, YYMM.NNNNN from 1501 on; month 01-12.
const NEW_STYLE = /^((\d{2})(?:0[1-9]|1[0-2])\.(\d{4,5}))(?:v\d+)?$/;
// Old scheme (to March 2007): archive(.SUBJECT-CLASS)/YYMMNNN, e.g. hep-th/9901001,
// math.GT/0309136. Only the real archive names count, so `owner/9901001` is never an arXiv id.
const OLD_ARCHIVES =
  'acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|' +
  'cond-mat|cs|dg-ga|funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|math|mtrl-th|nlin|' +
  'nucl-ex|nucl-th|patt-sol|physics|plasm-ph|q-alg|q-bio|quant-ph|solv-int|supr-con';
const OLD_STYLE = /* @__PURE__ */ new RegExp(
  `^(${OLD_ARCHIVES})(\\.[A-Z]{2})?\\/(\\d{2}(?:0[1-9]|1[0-2])\\d{3})(?:v\\d+)?$`,
  'i',
);

/**
 * Returns the canonical id (`2005.14165`, `hep-th/9901001`) or null when `value` is not an arXiv
 * id. Accepts an optional `arXiv:` prefix and version suffix; the subject class of an old-style id
 * is dropped because arXiv itself resolves `math.GT/0309136` and `math/0309136` to one paper.
 */
export function canonicalArxivId(value: string): string | null {
  const trimmed = value.trim().replace(/^arxiv:/i, '');
  const modern = NEW_STYLE.exec(trimmed);
  if (modern) {
    const fiveDigits = Number(modern[2]) >= 15;
    return (modern[3]?.length === 5) === fiveDigits ? (modern[1] ?? null) : null;
  }
  const old = OLD_STYLE.exec(trimmed);
  if (old) return `${(old[1] ?? '').toLowerCase()}/${old[3] ?? ''}`;
  return null;
}

/**
 * The submission month an id encodes (`2307.06948` → 2023, month 7; `hep-th/9901001` → 1999,
 * month 1), or null for anything else. New-style ids start in April 2007, so their YY is 20YY;
 * old-style ids ran from August 1991 to March 2007.
 */
export function arxivIdMonth(arxivId: string | undefined): { year: number; month: number } | null {
  const modern = /^(\d\d)(\d\d)\.\d{4,5}$/.exec(arxivId ?? '');
  if (modern) return { year: 2000 + Number(modern[1]), month: Number(modern[2]) };
  const old = /^[a-z-]+\/(\d\d)(\d\d)\d{3}$/.exec(arxivId ?? '');
  if (!old) return null;
  const yy = Number(old[1]);
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(old[2]) };
}
