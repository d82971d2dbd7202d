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

export function readableTex(text: string): string {
  if (!/[\\$^_~`]|--/.test(text)) return text;
  let out = text;
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
