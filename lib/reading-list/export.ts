/**
 * Reading-list exports: BibTeX, Markdown and a JSON backup. Owns: escaping for each format so
 * that no title, author or note can break out of its field or inject into the tool that reads
 * the file. Never: drops an entry (a backup holds notes, tags and status too).
 */
import type { ReadingListEntry } from '../db';
import { arxivIdMonth } from '../links/arxiv-id';
import { safeHref } from '../safe-url';

export const BACKUP_FORMAT = 'paperpeek-reading-list';

export function toJsonBackup(entries: ReadingListEntry[], exportedAt: Date): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: exportedAt.toISOString(), entries }, null, 2)}\n`;
}

// ---------- BibTeX ----------

const STOP_WORDS = new Set(
  'a an the on of in for to and with from by via is are towards toward'.split(' '),
);
const ACCENTS: Record<string, string> = {
  '\u0301': "'",
  '\u0300': '`',
  '\u0302': '^',
  '\u0308': '"',
  '\u0303': '~',
  '\u0327': 'c',
  '\u030c': 'v',
  '\u0304': '=',
  '\u0306': 'u',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u0328': 'k',
};
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
  $: '\\$',
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  å: '{\\aa}',
  Å: '{\\AA}',
  ı: '{\\i}',
};

/**
 * Text for a BibTeX field: TeX specials escaped, accented letters as TeX accents (`é` → `{\'e}`),
 * math in `$…$` kept as the author wrote it (so `$\alpha$` still typesets), braces balanced.
 */
export function bibtexText(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      // Math as Pandoc reads it: `$` then no space … no space then `$`, not followed by a digit.
      .split(/(\$(?=\S)[^$\n{}]{1,200}?(?<=\S)\$(?!\d))/)
      .map((part, index) => (index % 2 === 1 && isPlainMath(part) ? part : escapeTeX(part)))
      .join('')
  );
}

// Commands math in a title may use as written. Anything else (`\input /etc/passwd`, `\def`,
// `\catcode`, `\write18`) would run in the reader's TeX, so that math is escaped as text.
const MATH_COMMANDS = new Set(
  (
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi ' +
    'pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta ' +
    'Lambda Xi Pi Sigma Upsilon Phi Psi Omega times cdot cdots ldots dots leq geq le ge neq ne ' +
    'approx sim simeq equiv propto infty pm mp to rightarrow leftarrow mapsto sum prod int log ' +
    'exp sin cos tan ln min max sup inf lim partial nabla ell hbar in notin subset subseteq ' +
    'cup cap forall exists mid circ star ast prime top bot langle rangle lceil rceil lfloor ' +
    'rfloor quad qquad'
  ).split(' '),
);

function isPlainMath(math: string): boolean {
  // `^^5c` is TeX's own spelling of a backslash: it could build any command.
  if (math.includes('^^')) return false;
  return [...math.matchAll(/\\([a-zA-Z]+)/g)].every(([, name]) => MATH_COMMANDS.has(name ?? ''));
}

function escapeTeX(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD')) {
    const accent = ACCENTS[char];
    if (accent) {
      // Combine with the letter already written: `e` + U+0301 → `{\'e}`.
      const letter = out.slice(-1);
      out = `${out.slice(0, -1)}{\\${accent}${/[a-z]/i.test(accent) ? ' ' : ''}${letter}}`;
    } else if (/[\u0300-\u036f]/.test(char)) {
      continue; // a combining mark TeX has no command for
    } else out += SPECIAL[char] ?? char;
  }
  return out;
}

/** `brown2020language`: first author's surname, year, first significant title word. */
export function citationKey(entry: ReadingListEntry): string {
  const ascii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase();
  const surname = ascii(entry.authors[0]?.split(/\s+/).at(-1) ?? '') || 'anon';
  const word =
    entry.title
      .split(/[^\p{L}\p{N}]+/u)
      .map(ascii)
      .find((w) => w && !STOP_WORDS.has(w)) ?? 'paper';
  return `${surname}${entryYear(entry) ?? ''}${word}`;
}

function entryYear(entry: ReadingListEntry): number | undefined {
  return arxivIdMonth(entry.arxivId)?.year;
}

export function toBibTeX(entries: ReadingListEntry[]): string {
  const used = new Map<string, number>();
  return entries
    .map((entry) => {
      const base = citationKey(entry);
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      // brown2020language, brown2020languagea, brown2020languageb…
      const key = count === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(count, 26))}`;
      const fields: [string, string][] = [['title', `{${bibtexText(entry.title)}}`]];
      if (entry.authors.length > 0)
        fields.push(['author', entry.authors.map(bibtexText).join(' and ')]);
      const year = entryYear(entry);
      if (year) fields.push(['year', String(year)]);
      if (entry.arxivId) {
        fields.push(['eprint', entry.arxivId], ['archivePrefix', 'arXiv']);
        fields.push(['url', `https://arxiv.org/abs/${entry.arxivId}`]);
      }
      if (entry.note) fields.push(['note', bibtexText(entry.note)]);
      return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}

// ---------- Markdown ----------

/** Text that Markdown renders literally: its punctuation escaped, no raw HTML, one line. */
// `<`, `>` and `&` become entities: every Markdown reads those as text, while a backslash
// before `<` is literal only in CommonMark (the original Markdown.pl passes `\<script>` on).
const MARKDOWN_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, (char) => MARKDOWN_ENTITIES[char] ?? `\\${char}`);
}

export function toMarkdown(entries: ReadingListEntry[]): string {
  const lines = ['# Reading list', ''];
  for (const entry of entries) {
    const href = entry.arxivId ? safeHref(`https://arxiv.org/abs/${entry.arxivId}`) : null;
    const title = markdownText(entry.title);
    lines.push(
      `- [${entry.status === 'read' ? 'x' : ' '}] ${href ? `[${title}](<${href}>)` : title}`,
    );
    if (entry.authors.length > 0) lines.push(`  ${markdownText(entry.authors.join(', '))}`);
    for (const repo of entry.repos) {
      const code = safeHref(`https://github.com/${repo}`);
      if (code) lines.push(`  Code: [${markdownText(repo)}](<${code}>)`);
    }
    if (entry.tags.length > 0) lines.push(`  Tags: ${entry.tags.map(markdownText).join(', ')}`);
    if (entry.note) lines.push(`  > ${markdownText(entry.note)}`);
  }
  return `${lines.join('\n')}\n`;
}
