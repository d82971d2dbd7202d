/** The one table `npm run bench` ends with: each budget, the figure measured, and the comparison. */

type Results = Record<string, unknown>;

function at(results: Results, path: string[]): unknown {
  let value: unknown = results;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const number = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);
const ms = (value: unknown) => (Number.isFinite(number(value)) ? `${number(value)} ms` : 'not run');

export function summaryTable(results: Results): string {
  const rows: [string, string, string, string][] = [];
  const add = (what: string, budget: string, measured: string, against: string) =>
    rows.push([what, budget, measured, against]);

  const search = (engine: string) =>
    at(results, ['search', `${engine} @ 100000`, 'keystrokeMs', 'p95']);
  add(
    'search per keystroke, p95 @ 100k',
    '≤ 16 ms',
    ms(search('PaperPeek')),
    `Fuse.js alone ${ms(search('Fuse.js alone'))}, uFuzzy alone ${ms(search('uFuzzy alone'))}`,
  );
  const popup = (path: string[]) => at(results, ['popup', 'popup open @ 100071', ...path]);
  add(
    'popup open to first results @ 100k',
    '≤ 100 ms',
    ms(popup(['firstResults', 'medianMs'])),
    `71 papers: ${ms(at(results, ['popup', 'popup open @ 71', 'firstResults', 'medianMs']))}`,
  );
  add(
    'popup search ready @ 100k',
    '≤ 150 ms',
    ms(popup(['searchReady', 'medianMs'])),
    `heap ${number(popup(['popupHeapMB']))} MB for a ${number(popup(['searchRecordMB']))} MB record`,
  );
  const imported = (path: string[]) => at(results, ['import', 'import @ 100000', ...path]);
  const seconds = (value: unknown) =>
    Number.isFinite(number(value)) ? `${(number(value) / 1000).toFixed(1)} s` : 'not run';
  add(
    'import 100k: file chosen to searchable',
    '≤ 20 s',
    seconds(imported(['paperpeek', 'chosenToSearchableMs'])),
    `options page, ${number(imported(['paperpeek', 'fileMB']))} MB file; worker heap after ${number(imported(['workerHeapMB']))} MB`,
  );
  add(
    'import 100k: longest worker stall',
    '≤ 200 ms',
    ms(imported(['paperpeek', 'longestWorkerStallMs'])),
    `one naive bulkPut: ${ms(imported(['naiveBulkPut', 'longestStallMs']))}`,
  );
  add(
    'page 50k links: most extension script in one task',
    '≤ 50 ms',
    ms(at(results, ['pages', 'page /50000', 'extensionOwnLongestInTaskMs'])),
    `load ratio ${number(at(results, ['pages', 'page /50000', 'loadMs', 'ratio']))}× the page alone; whole task ${ms(at(results, ['pages', 'page /50000', 'extensionLongestTaskMs']))}`,
  );
  add(
    'injection on an empty page, median',
    '≤ 2 ms',
    ms(at(results, ['pages', 'injection', 'paperPeekMs', 'median'])),
    `minimal content script ${ms(at(results, ['pages', 'injection', 'minimalContentScriptMs', 'median']))} (× ${number(at(results, ['pages', 'injection', 'ratio']))})`,
  );
  add(
    'hover to card, p95',
    '≤ 50 ms',
    ms(Math.round(number(at(results, ['pages', 'hover to card', 'p95'])) * 10) / 10),
    '',
  );
  add(
    'content script, gzip',
    '≤ 10,240 B',
    `${number(at(results, ['sizes', 'sizes (bytes, gzip)', 'contentScript']))} B`,
    `card module (first hover) ${number(at(results, ['sizes', 'sizes (bytes, gzip)', 'cardModule']))} B, popup ${number(at(results, ['sizes', 'sizes (bytes, gzip)', 'popup']))} B, options ${number(at(results, ['sizes', 'sizes (bytes, gzip)', 'options']))} B, zip ${number(at(results, ['sizes', 'sizes (bytes, gzip)', 'zip']))} B`,
  );
  const reader = (path: string[]) => at(results, ['reader', ...path]);
  const firstPaint = 'first page painted from the bytes, 40 pages';
  add(
    'reader: first page from the bytes, 40 pages',
    '≤ 1.2× PDF.js alone',
    `× ${number(reader([firstPaint, 'ratioOfMedians']))}`,
    `${ms(Math.round(number(reader([firstPaint, 'reader', 'median']))))} against ${ms(Math.round(number(reader([firstPaint, 'barePdfjs', 'median']))))}`,
  );
  const resolved = 'every citation resolved after the first paint, 80 references';
  add(
    'reader: every citation resolved',
    '≤ 1 s after the first paint',
    ms(Math.round(number(reader([resolved, 'ms', 'p95'])))),
    `long tasks over 50 ms meanwhile: ${number(reader([resolved, 'longTasksOver50ms']))}`,
  );
  const hover = 'hover to card in the reader, ms';
  add(
    'reader: hover to card, p95 after the dwell',
    '≤ 50 ms',
    ms(Math.round(number(reader([hover, "dwell's end to card, dwell 300 ms", 'p95'])) * 10) / 10),
    `pointer to card with no dwell ${ms(Math.round(number(reader([hover, 'pointer to card, dwell 0', 'p95'])) * 10) / 10)}`,
  );
  const scrolling = 'scrolling, 16 page jumps: main-thread work, ms';
  const layoutRatio = number(reader([scrolling, 'layoutRatio']));
  add(
    'reader: layout while scrolling, 40 pages',
    'reported',
    Number.isFinite(layoutRatio) ? `× ${layoutRatio} PDF.js alone` : 'not run',
    `${ms(reader([scrolling, 'reader', 'layoutMs']))} against ${ms(reader([scrolling, 'barePdfjs', 'layoutMs']))}; frames over 50 ms ${ms(reader([scrolling, 'reader', 'longFramesMs']))} against ${ms(reader([scrolling, 'barePdfjs', 'longFramesMs']))}`,
  );

  const header: [string, string, string, string] = ['budget', 'limit', 'measured', 'side by side'];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
