/**
 * `npm run digest`: rebuilds assets/digest.json from the Daily Papers seed in assets/seed/.
 * The output is deterministic (generatedAt comes from the seed, not the clock) so that a rebuild
 * without seed changes leaves the committed file untouched.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importDailyPapersPage, parseIdTable } from '../lib/digest/daily-papers-page';
import { validateDigest } from '../lib/digest/schema';

const root = new URL('..', import.meta.url);
const pagePath = fileURLToPath(new URL('assets/seed/daily-papers-page.txt', root));
const idsPath = fileURLToPath(new URL('assets/seed/arxiv-ids.tsv', root));
const outPath = fileURLToPath(new URL('assets/digest.json', root));
// The day the seed page was captured; bump it when the seed is replaced.
const SEED_DATE = '2026-11-01T00:00:00.000Z';

async function main(): Promise<void> {
  const [page, ids] = await Promise.all([readFile(pagePath, 'utf8'), readFile(idsPath, 'utf8')]);
  const result = importDailyPapersPage(page, parseIdTable(ids), {
    generatedAt: SEED_DATE,
    source: 'Hugging Face Daily Papers (bundled)',
  });
  if (result.titlesWithoutId.length > 0 || result.unusedIds.length > 0) {
    console.error('The page and the id table disagree:');
    for (const title of result.titlesWithoutId) console.error(`  no arXiv id for: ${title}`);
    for (const title of result.unusedIds)
      console.error(`  id table title not on the page: ${title}`);
    process.exitCode = 1;
    return;
  }
  const checked = validateDigest(result.digest);
  if (!checked.ok) {
    console.error(`The built digest is invalid:\n  ${checked.problems.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  await writeFile(outPath, `${JSON.stringify(checked.digest, null, 2)}\n`);
  const { size } = await stat(outPath);
  const withCode = checked.digest.papers.filter((paper) => paper.repos.length > 0).length;
  console.log(
    `Wrote ${outPath}: ${checked.digest.papers.length} papers, ${withCode} with code, ${size} bytes.`,
  );
}

await main();
