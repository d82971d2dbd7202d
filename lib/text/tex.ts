/**
 * Makes the TeX that authors leave in titles and abstracts readable as plain text:
 * `$\alpha$-decay` → `α-decay`, `\emph{very}` → `very`, `O(n^2)` → `O(n²)`. Owns only that; the
 * result is still text and is rendered as text.
 */

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  infty: '∞',
  times: '×',
  cdot: '·',
  pm: '±',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  approx: '≈',
  sim: '∼',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  in: '∈',
  ell: 'ℓ',
  partial: '∂',
  nabla: '∇',
  sum: 'Σ',
  prod: 'Π',
  sqrt: '√',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  log: 'log',
  exp: 'exp',
  max: 'max',
  min: 'min',
};
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  n: 'ⁿ',
  i: 'ⁱ',
};
const SUBSCRIPTS: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
};
// Commands whose argument is the text to keep.
const TEXT_COMMANDS =
  /\\(?:emph|textbf|textit|texttt|textsc|textrm|text|mathrm|mathbf|mathit|mathcal|mathbb|mathsf|boldsymbol|operatorname|underline)\s*\{([^{}]*)\}/g;

/** TeX's accent commands, as the combining marks Unicode composes with their letter. */
const ACCENT_MARKS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030c',
  u: '\u0306',
  r: '\u030a',
  H: '\u030b',
  k: '\u0328',
};
/** Letters TeX writes as commands: `{\ss}`, `{\L}ukasz`, and the dotless i an accent sits on. */
const LETTER_COMMANDS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  i: 'ı',
  j: 'ȷ',
};
// `\'a`, `\'{a}`, `{\'a}`, `\"{\i}`; a letter-named accent needs a space or braces: `\v c`, `\c{c}`.
const SYMBOL_ACCENT = /\{?\\(['`^"~=.])\s*(?:\{\s*)?([A-Za-z]|\\[ij](?![A-Za-z]))\s*\}?\}?/g;
const LETTER_ACCENT = /\{?\\([cvurHk])(?:\s+|\s*\{\s*)([A-Za-z]|\\[ij](?![A-Za-z]))\s*\}?\}?/g;
const LETTER_COMMAND = /\{?\\(ss|ae|AE|oe|OE|aa|AA|[oOlL])(?![A-Za-z])\s*\}?/g;

/** The accented letters of BibTeX-style names and titles: `Kudl{\'a}{\v c}ek` → `Kudláček`. */
function accentedLetters(text: string): string {
  if (!text.includes('\\')) return text;
  const withMark = (accent: string, letter: string) => {
    const base = letter.startsWith('\\') ? (LETTER_COMMANDS[letter.slice(1)] ?? letter) : letter;
    // An accent on a dotless i is an accent on i: `na\"{\i}ve` is naïve.
    const plain = base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base;
    return `${plain}${ACCENT_MARKS[accent] ?? ''}`.normalize('NFC');
  };
  return text
    .replace(SYMBOL_ACCENT, (_, accent: string, letter: string) => withMark(accent, letter))
    .replace(LETTER_ACCENT, (_, accent: string, letter: string) => withMark(accent, letter))
    .replace(LETTER_COMMAND, (_, name: string) => LETTER_COMMANDS[name] ?? '');
}

export function readableTex(text: string): string {
  if (!/[\\$^_~`]|--/.test(text)) return text;
  let out = accentedLetters(text);
  for (let i = 0; i < 3 && TEXT_COMMANDS.test(out); i += 1) {
    TEXT_COMMANDS.lastIndex = 0;
    out = out.replace(TEXT_COMMANDS, '$1');
  }
  out = out
    .replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (whole, name: string) => SYMBOLS[name] ?? whole)
    .replace(
      /\^\{([^{}]+)\}|\^(\w)/g,
      (whole, group?: string, single?: string) =>
        mapAll(group ?? single ?? '', SUPERSCRIPTS) ?? whole,
    )
    .replace(
      /_\{([^{}]+)\}|_(\d)/g,
      (whole, group?: string, single?: string) =>
        mapAll(group ?? single ?? '', SUBSCRIPTS) ?? whole,
    )
    .replace(/\\([%&#$_{}])/g, '$1')
    .replace(/(?<!\\)\$\$?/g, '')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``|''/g, '"')
    .replace(/(?<=\S)~(?=\S)/g, '\u00a0');
  return out;
}

/** Maps every character, or returns null when one has no mapping (the TeX is left as it was). */
function mapAll(text: string, table: Record<string, string>): string | null {
  let mapped = '';
  for (const char of text) {
    const replacement = table[char];
    if (replacement === undefined) return null;
    mapped += replacement;
  }
  return mapped;
}
