/**
 * Reading-list exports: BibTeX, Markdown and a JSON backup (CSL-JSON: csl.ts; RIS: ris.ts). Owns: escaping for each
 * format so that no title, author or note can break out of its field or inject into the tool
 * that reads the file, and what reference managers expect of each (case-protected acronyms,
 * math kept as math, dates, arXiv's DOI and category). Never: drops an entry (a backup holds
 * notes, tags and status too).
 */
import type { ReadingListEntry } from '../db';
import type { Venue } from '../digest/venue';
import { arxivIdMonth } from '../links/arxiv-id';
import { safeHref } from '../safe-url';

/** An entry with what is known of its paper beyond the entry's own copy. */
export interface CitedEntry extends ReadingListEntry {
  /** ISO 8601. */
  publishedAt?: string;
  /** arXiv's primary category, `cs.CL`. */
  primaryCategory?: string;
  /** Where it was published: cited as proceedings (`booktitle`) or a journal. */
  venue?: Venue;
  /** The publisher's DOI as registered, when there is one besides arXiv's. */
  doi?: string;
  /** The paper's abstract (Zotero keeps it; no citation prints it). */
  abstract?: string;
}

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
export function bibtexText(text: string, protectCase = false): string {
  const protect = (part: string, escape: (text: string) => string) =>
    protectCase ? protectAcronyms(part, escape) : escape(part);
  return (
    withoutControls(text)
      // Math as Pandoc reads it: `$` then no space … no space then `$`, not followed by a digit;
      // braces inside it balanced, one level deep (`$\mathcal{O}(n)$`).
      .split(/(\$(?=\S)(?:[^$\n{}]|\{[^$\n{}]*\}){1,200}?(?<=\S)\$(?!\d))/)
      .map((part, index) =>
        index % 2 === 1 && isPlainMath(part) ? part : protect(part, escapeTeX),
      )
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
    'rfloor quad qquad mathcal mathbb mathbf mathrm mathit mathsf mathtt mathfrak boldsymbol ' +
    'frac dfrac tfrac sqrt hat tilde bar vec dot ddot widehat widetilde overline underline ' +
    'left right big Big bigl bigr cdotp colon setminus emptyset varnothing oplus otimes ' +
    'odot wedge vee neg lnot land lor Rightarrow Leftarrow leftrightarrow Leftrightarrow ' +
    'uparrow downarrow gg ll ast dagger text textrm textbf textit operatorname'
  ).split(' '),
);

/**
 * Words whose capitals must survive a style that lower-cases titles (`BERT`, `LoRA`, `ImageNet`,
 * `GPT`-4): braced, as reference managers expect. A word capitalised only at its start is left
 * to the style.
 */
function protectAcronyms(text: string, escape: (text: string) => string): string {
  return text
    .split(/([^\p{L}\p{M}\p{N}]+)/u)
    .map((part, index) =>
      index % 2 === 0 && /\p{Lu}/u.test(part.slice(1)) ? `{${escape(part)}}` : escape(part),
    )
    .join('');
}

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

const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;

/** A name as reference managers split it: `Martin Luther King Jr.`, `King, Martin`. */
export function splitName(name: string): { given: string; family: string; suffix?: string } {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean.includes(',')) {
    const [family = '', second = '', third] = clean.split(',').map((part) => part.trim());
    // "King, Jr., Martin Luther" or "King, Martin Luther"
    if (third !== undefined && NAME_SUFFIX.test(second))
      return { given: third, family, suffix: second };
    return { given: second, family };
  }
  const words = clean.split(' ');
  const suffix = words.length > 2 && NAME_SUFFIX.test(words.at(-1) ?? '') ? words.pop() : undefined;
  const family = words.pop() ?? '';
  return { given: words.join(' '), family, ...(suffix ? { suffix } : {}) };
}

/** Letters and digits only, accents and TeX commands dropped: `Kudl{\'a}{\v c}ek` → `kudlacek`. */
function keyPart(text: string): string {
  return text
    .replace(/\\[a-zA-Z]+\s*|\\./g, '')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/**
 * `brown2020language`: first author's surname, year, first significant title word. With no
 * author (a digest that lists none, not filled in yet), the title word and year: `language2020`,
 * not `anon2020language`, which sorts every such paper together and says nothing of it.
 */
export function citationKey(entry: CitedEntry): string {
  const surname = keyPart(splitName(entry.authors[0] ?? '').family);
  const word =
    entry.title
      .replace(/\$[^$]*\$/g, ' ')
      .replace(/\\[a-zA-Z]+/g, ' ')
      // A hyphenated word is one word: `ZIP-FIT` gives `zipfit`.
      .split(/[^\p{L}\p{N}-]+/u)
      .map(keyPart)
      .find((w) => w && !STOP_WORDS.has(w)) ?? 'paper';
  // The year it is cited with: the venue's, else the publication's (devlin2019bert, not 2018).
  const year = entry.venue?.year ?? entryDate(entry)?.year ?? '';
  return surname ? `${surname}${year}${word}` : `${word}${year}`;
}

/** The publication date, else the month the arXiv id names. */
export function entryDate(entry: CitedEntry): { year: number; month: number; day?: number } | null {
  const published = entry.publishedAt ? /^(\d{4})-(\d\d)-(\d\d)/.exec(entry.publishedAt) : null;
  if (published) {
    return { year: Number(published[1]), month: Number(published[2]), day: Number(published[3]) };
  }
  return arxivIdMonth(entry.arxivId);
}

/**
 * One line without control characters: a NUL or an escape code in a title would stop a parser
 * (or a terminal) reading the rest of the file.
 */
export function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** The entry's author names that have something to print. */
export function namesOf(entry: CitedEntry): string[] {
  return entry.authors.filter((name) => withoutControls(name).trim() !== '');
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

/**
 * A name for BibTeX: `First Last`, or `Last, Jr., First` when it has a suffix. A name BibTeX
 * would misread (no letters, a stray comma, the word `and`, which separates names) is braced
 * whole, the way corporate authors are written.
 */
function bibtexName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  const { given, family, suffix } = splitName(clean);
  const letter = /[\p{L}\p{N}]/u;
  const commas = clean.split(',').length - 1;
  const misread =
    !letter.test(family) ||
    (commas > 0 && !letter.test(given)) ||
    commas > 2 ||
    /(^|\s)and(\s|$)/i.test(clean);
  if (misread) return `{${bibtexText(clean)}}`;
  if (suffix) return `${bibtexText(family)}, ${bibtexText(suffix)}, ${bibtexText(given)}`;
  return bibtexText(clean);
}

/** Keys made unique in order: `brown2020language`, `brown2020languagea`, ... */
export function uniqueKeys(entries: readonly CitedEntry[]): string[] {
  const used = new Set<string>();
  return entries.map((entry) => {
    const base = citationKey(entry);
    let key = base;
    for (let n = 0; used.has(key); n += 1) key = `${base}${suffixLetters(n)}`;
    used.add(key);
    return key;
  });
}

/** a, b, …, z, aa, ab, …: never runs out. */
function suffixLetters(n: number): string {
  return n < 26
    ? String.fromCharCode(97 + n)
    : `${suffixLetters(Math.floor(n / 26) - 1)}${String.fromCharCode(97 + (n % 26))}`;
}

export function toBibTeX(entries: CitedEntry[]): string {
  const keys = uniqueKeys(entries);
  return entries
    .map((entry, index) => {
      const fields: [string, string][] = [['title', `{${bibtexText(entry.title, true)}}`]];
      const authors = namesOf(entry);
      if (authors.length > 0) {
        fields.push(['author', `{${authors.map(bibtexName).join(' and ')}}`]);
      }
      const { venue } = entry;
      if (venue) {
        fields.push([
          venue.kind === 'journal' ? 'journal' : 'booktitle',
          `{${bibtexText(venue.name, true)}}`,
        ]);
      }
      const date = entryDate(entry);
      // Published: the venue's year (BERT is NAACL 2019 though on arXiv since October 2018).
      if (venue?.year) fields.push(['year', `{${venue.year}}`]);
      else if (date)
        fields.push(['year', `{${date.year}}`], ['month', MONTHS[date.month - 1] ?? '']);
      if (entry.arxivId) {
        fields.push(['eprint', `{${entry.arxivId}}`], ['archivePrefix', '{arXiv}']);
        const category = entry.primaryCategory ?? oldStyleArchive(entry.arxivId);
        if (category && /^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(category)) {
          fields.push(['primaryClass', `{${category}}`]);
        }
      }
      const doi = citedDoi(entry);
      if (doi) fields.push(['doi', `{${bibtexText(doi)}}`]);
      if (entry.arxivId) fields.push(['url', `{https://arxiv.org/abs/${entry.arxivId}}`]);
      // `annote`, as Zotero writes notes: styles print `note`, and this one is the user's own.
      if (entry.note) fields.push(['annote', `{${bibtexText(entry.note)}}`]);
      const body = fields
        .filter(([, value]) => value)
        .map(([name, value]) => `  ${name} = ${value}`)
        .join(',\n');
      const type = !venue ? 'misc' : venue.kind === 'journal' ? 'article' : 'inproceedings';
      return `@${type}{${keys[index] ?? 'paper'},\n${body}\n}\n`;
    })
    .join('\n');
}

/**
 * The DOI a citation carries: the publisher's, as registered; arXiv's only for a preprint (a
 * paper cited from its venue keeps arXiv as `eprint`, and arXiv's DOI would name the preprint).
 */
export function citedDoi(entry: CitedEntry): string | undefined {
  if (entry.doi) return entry.doi;
  return entry.arxivId && !entry.venue ? `10.48550/arXiv.${entry.arxivId}` : undefined;
}

/** `hep-th` for `hep-th/9901001`: an old-style id names its archive. */
export function oldStyleArchive(arxivId: string): string | undefined {
  return /^([a-z-]+)\//.exec(arxivId)?.[1];
}

// ---------- Markdown ----------

/**
 * Text that Markdown renders literally, one line: only what would start markup in the middle of
 * a line is escaped (`Few-Shot` and `A & B` stay as they are). `<` and `>` become entities: every
 * Markdown reads those as text, while a backslash before `<` is literal only in CommonMark (the
 * original Markdown.pl passes `\<script>` on). An `&` that would read as an entity is escaped.
 */
export function markdownText(text: string): string {
  return withoutControls(text)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_[\]~|]|!(?=\[)|(?<=\])\(/g, (char) => `\\${char}`);
}

export function toMarkdown(entries: CitedEntry[]): string {
  const lines = ['# Reading list', ''];
  for (const entry of entries) {
    const href = entry.arxivId ? safeHref(`https://arxiv.org/abs/${entry.arxivId}`) : null;
    const title = markdownText(entry.title);
    const facts = [entryDate(entry)?.year, entry.arxivId ? `arXiv:${entry.arxivId}` : undefined]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `- [${entry.status === 'read' ? 'x' : ' '}] ${href ? `[${title}](<${href}>)` : title}${facts ? ` (${markdownText(facts)})` : ''}`,
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
