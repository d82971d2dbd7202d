/**
 * Saves a PaperPeek database as a test fixture, made by the code of one schema version:
 *
 *   git worktree add /tmp/v3 <commit of that version> && ln -s "$PWD/node_modules" /tmp/v3/
 *   npx tsx scripts/make-db-fixture.ts /tmp/v3 tests/fixtures/databases/v3.json
 *
 * It loads a two-paper digest and builds a reading list (notes, tags, a status, and at versions
 * that have them a removal) through that version's own functions, then writes every table's
 * rows and the version's store definitions. Typed arrays are kept as {"$typed", "values"}.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

type Module = Record<string, (...args: never[]) => unknown>;

const [root, out] = process.argv.slice(2);
if (!root || !out) throw new Error('usage: make-db-fixture.ts <checkout of a version> <out.json>');
const load = async (path: string) =>
  (await import(pathToFileURL(resolve(root, path)).href)) as Module;

const dbModule = await load('lib/db.ts');
const loadModule = await load('lib/digest/load.ts');
const store = await load('lib/reading-list/store.ts');

const openDatabase = dbModule.openDatabase as unknown as (
  name: string,
  options: object,
) => {
  verno: number;
  tables: {
    name: string;
    schema: { primKey: { src: string }; indexes: { src: string }[] };
    toArray(): Promise<unknown[]>;
  }[];
  open(): Promise<unknown>;
};
const db = openDatabase('paperpeek', { indexedDB: new IDBFactory(), IDBKeyRange });
await db.open();

const paper = (id: string, title: string, abstract: string, repos: string[] = []) => ({
  id,
  arxivId: id,
  title,
  abstract,
  authors: ['A. Author', 'B. Author'],
  repos,
  links: [],
  publishedAt: '2023-07-13T00:00:00.000Z',
});
const digest = {
  format: 'paperpeek-digest',
  version: 1,
  generatedAt: '2026-11-01T00:00:00.000Z',
  source: 'fixture',
  papers: [
    paper(
      '2005.14165',
      'Language Models are Few-Shot Learners',
      'Recent work has demonstrated substantial gains on many NLP tasks by pre-training.',
    ),
    paper(
      '2307.06948',
      'Self-regulating Prompts: Foundational Model Adaptation without Forgetting',
      'Prompt learning has emerged as an efficient alternative for fine-tuning foundational models.',
      ['muzairkhattak/promptsrc'],
    ),
    paper(
      '2210.03869',
      'TAME: Task Agnostic Continual Learning using Multiple Experts',
      'The goal of lifelong learning is to continuously learn from non-stationary distributions.',
    ),
  ],
};
const loadDigest = loadModule.loadDigest as unknown as (...args: unknown[]) => Promise<unknown>;
await loadDigest(db, digest, 'bundled', () => 1_700_000_000_000);

const call = (name: string, ...args: unknown[]) =>
  (store[name] as unknown as (...a: unknown[]) => Promise<unknown>)(db, ...args);
await call('saveToReadingList', '2005.14165', 1_700_000_100_000);
await call('saveToReadingList', '2307.06948', 1_700_000_200_000);
await call('saveToReadingList', '2210.03869', 1_700_000_300_000);
await call(
  'updateEntry',
  '2005.14165',
  { note: 'Read section 3 first — “few-shot” {tables}.', tags: ['llm', 'to-cite'] },
  1_700_000_400_000,
);
await call('updateEntry', '2307.06948', { status: 'read', tags: ['prompts'] }, 1_700_000_500_000);
if (store.removeEntry) await call('removeEntry', '2210.03869', 1_700_000_600_000);

const stores: Record<string, string> = {};
const tables: Record<string, unknown[]> = {};
for (const table of db.tables) {
  stores[table.name] = [
    table.schema.primKey.src,
    ...table.schema.indexes.map((index) => index.src),
  ].join(', ');
  tables[table.name] = await table.toArray();
}
const encode = (_key: string, value: unknown) =>
  ArrayBuffer.isView(value) && !(value instanceof DataView)
    ? { $typed: value.constructor.name, values: Array.from(value as unknown as ArrayLike<number>) }
    : value;
await writeFile(
  out,
  `${JSON.stringify(
    {
      note: `A PaperPeek database at schema version ${db.verno}, made by that version's code (scripts/make-db-fixture.ts).`,
      version: db.verno,
      stores,
      tables,
    },
    encode,
    2,
  )}\n`,
);
console.log(
  `schema ${db.verno}: ${Object.entries(tables)
    .map(([name, rows]) => `${name} ${rows.length}`)
    .join(', ')}`,
);
