/**
 * The layout holds its shape: a newcomer reads it from the folder names, and these rules keep it
 * readable as the code grows (see docs/ARCHITECTURE.md, "Layout").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  importGraph,
  reachable,
  sourceFiles,
  type ImportGraph,
} from '../helpers/import-graph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const files = sourceFiles(ROOT, ['entrypoints', 'components', 'lib']);
const graph = importGraph(ROOT, files);

/** What a module reaches that matches `forbidden`, with the path that reaches it. */
function reachedVia(from: string, forbidden: (module: string) => boolean): string[] {
  const parents = new Map<string, string>();
  const seen = new Set([from]);
  const queue = [from];
  const found: string[] = [];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const target of graph.get(next) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      parents.set(target, next);
      if (forbidden(target)) {
        const path = [target];
        for (let at = parents.get(target); at; at = parents.get(at)) path.unshift(at);
        found.push(path.join(' -> '));
      } else queue.push(target);
    }
  }
  return found;
}

/** The files under `folder` longer than `most` lines, with their lengths. */
const longerThan = (folder: string, most: number) =>
  files
    .filter((file) => file.startsWith(folder))
    .map((file) => [file, readFileSync(`${ROOT}/${file}`, 'utf8').split('\n').length] as const)
    .filter(([, lines]) => lines > most);

const WORKER_CODE = (module: string) =>
  module === 'dexie' ||
  module === 'lib/db.ts' ||
  module.startsWith('lib/worker/') ||
  module.startsWith('lib/digest/load') ||
  module.startsWith('lib/digest/apply') ||
  (module.startsWith('lib/sources/') && module !== 'lib/sources/source.ts');

describe('the layout', () => {
  it('reads every source file', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(graph.get('entrypoints/background.ts')).toContain('lib/worker/services.ts');
  });

  it('has no import cycle, type imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  // The content script, and the two modules a card loads into the page's isolated world.
  it.each(['entrypoints/link-previews.ts', 'entrypoints/card-ui.ts', 'entrypoints/citation-ui.ts'])(
    'keeps what %s injects into pages away from IndexedDB and the search engines',
    (entry) => {
      const heavy = new Set(['dexie', 'lib/db.ts', 'fuse.js', '@leeoniya/ufuzzy']);
      expect(reachedVia(entry, (module) => heavy.has(module))).toEqual([]);
    },
  );

  it('keeps the message contract free of worker code', () => {
    const protocol = files.filter((file) => file.startsWith('lib/protocol/'));
    expect(protocol.length).toBeGreaterThanOrEqual(5);
    for (const file of protocol) expect(reachedVia(file, WORKER_CODE), file).toEqual([]);
  });

  it('keeps entrypoints to wiring: none over 60 lines', () => {
    expect(longerThan('entrypoints/', 60)).toEqual([]);
  });

  it('keeps each module in lib/ to one job: none over 400 lines', () => {
    expect(longerThan('lib/', 400)).toEqual([]);
  });

  it('leaves no more than a handful of modules loose in lib/', () => {
    const loose = readdirSync(`${ROOT}/lib`, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    expect(loose.length, loose.join(', ')).toBeLessThanOrEqual(5);
  });
});

describe('the layout checks themselves', () => {
  const toy: ImportGraph = new Map([
    ['a.ts', ['b.ts', 'dexie']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['d.ts']],
    ['e.ts', ['a.ts']],
  ]);

  it('find a cycle through type imports and a module importing itself', () => {
    expect(importCycles(toy)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('follow imports through other modules to a package', () => {
    expect(reachable(toy, 'e.ts').has('dexie')).toBe(true);
    expect(reachable(toy, 'd.ts').has('dexie')).toBe(false);
  });

  it('see a type-only import in real source', () => {
    const protocol = graph.get('lib/protocol/messages.ts') ?? [];
    expect(protocol).toContain('lib/content/card/view.ts'); // `import type { CardView }`
  });
});
