/**
 * `npm run bench`: runs every benchmark, prints the figures and writes docs/perf/results.json.
 * Benchmarks, not tests: they report; docs/PERFORMANCE.md compares the figures with the budgets.
 * `npm run bench -- pages` runs one group.
 */
import { execSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { findBrowser } from '../lib/find-browser';
import { benchImport } from './import';
import { benchPages } from './pages';
import { benchPopup } from './popup';
import { benchPapers, benchReader } from './reader';
import { benchSearch } from './search';
import { benchSizes } from './sizes';
import { summaryTable } from './summary';

const groups: Record<string, () => Promise<Record<string, unknown>>> = {
  search: benchSearch,
  popup: benchPopup,
  import: benchImport,
  pages: benchPages,
  sizes: benchSizes,
  reader: benchReader,
  // Only when asked for by name: it needs a folder of papers the repository does not hold.
  papers: benchPapers,
};

const root = resolve(import.meta.dirname, '../..');
const outFile = resolve(root, 'docs/perf/results.json');

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const previous = JSON.parse(await readFile(outFile, 'utf8').catch(() => '{}')) as Record<
    string,
    unknown
  >;
  const results: Record<string, unknown> = { ...(previous.results as object) };
  for (const [name, run] of Object.entries(groups)) {
    if (wanted.length > 0 ? !wanted.includes(name) : name === 'papers') continue;
    console.log(`\n== ${name}`);
    const figures = await run();
    for (const [label, value] of Object.entries(figures))
      console.log(`${label}: ${JSON.stringify(value)}`);
    // A part of a group (PAPERPEEK_PAGES, PAPERPEEK_IMPORT_COUNTS, ...) replaces only its figures.
    results[name] = { ...(results[name] as object), ...figures };
  }
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: safe(() =>
      execSync(`"${findBrowser() ?? 'chromium'}" --version`, {
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim(),
    ),
    date: new Date().toISOString(),
  };
  await mkdir(resolve(root, 'docs/perf'), { recursive: true });
  await writeFile(
    outFile,
    `${JSON.stringify({ machine, command: 'npm run bench', results }, null, 2)}\n`,
  );
  console.log(`\n${summaryTable(results)}`);
  console.log(`\nWrote ${outFile}`);
}

function safe(read: () => string): string {
  try {
    return read();
  } catch {
    return 'unknown';
  }
}

await main();
