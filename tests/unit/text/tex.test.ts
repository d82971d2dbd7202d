import { describe, expect, it } from 'vitest';
import { readableTex } from '@/lib/text/tex';

describe('readableTex', () => {
  it.each([
    ['Plain title, nothing to do', 'Plain title, nothing to do'],
    ['$\\alpha$-decay and $\\beta$ rays', 'α-decay and β rays'],
    ['\\emph{Very} \\textbf{bold} claims', 'Very bold claims'],
    ['Runs in $O(n^2)$ and $O(n^{1.5})$ time', 'Runs in O(n²) and O(n^{1.5}) time'],
    ['$x_1 + x_{12}$', 'x₁ + x₁₂'],
    ['$\\mathcal{O}(\\log n)$', 'O(log n)'],
    ['95\\% accuracy \\& more', '95% accuracy & more'],
    ['pages 1--10 --- a range', 'pages 1–10 — a range'],
    ["``quoted''", '"quoted"'],
    ['Fig.~3', 'Fig.\u00a03'],
    ['\\unknowncommand stays', '\\unknowncommand stays'],
    ['$\\epsilon \\leq 10^{-3}$', 'ε ≤ 10⁻³'],
    // Accents as BibTeX writes them (arXiv's own author lists, references in PDFs).
    ["Kudl{\\'a}{\\v c}ek", 'Kudláček'],
    ['M{\\"u}ller and G\\"odel', 'Müller and Gödel'],
    ["Jos\\'{e} and Fran\\c{c}ois", 'José and François'],
    ['Erd\\H{o}s, {\\L}ukasz, Stra{\\ss}e, {\\o}', 'Erdős, Łukasz, Straße, ø'],
    ['na\\"{\\i}ve', 'naïve'],
    ['\\^{o} and \\~n', 'ô and ñ'],
    ['\\c 3 is no letter', '\\c 3 is no letter'],
  ])('%s → %s', (input, output) => expect(readableTex(input)).toBe(output));
});
