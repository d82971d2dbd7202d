/**
 * The project's import graph, read from the sources as TypeScript sees them (type-only imports
 * included: they tie the modules together as much as any other). For tests of the layout.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;

export function sourceFiles(root: string, folders: string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) files.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort();
}

/**
 * Each file's imports: project files as paths from `root`, packages by name (`dexie`,
 * `fuse.js`); a query (`?inline`) is dropped.
 */
export function importGraph(root: string, files: string[]): ImportGraph {
  const isFile = (path: string) =>
    existsSync(join(root, path)) && statSync(join(root, path)).isFile();
  const resolve = (from: string, specifier: string): string => {
    const bare = specifier.split('?')[0] ?? specifier;
    let base: string;
    if (bare.startsWith('@/')) base = bare.slice(2);
    else if (bare.startsWith('.')) base = normalize(join(dirname(from), bare));
    else
      return bare.startsWith('@')
        ? bare.split('/').slice(0, 2).join('/')
        : (bare.split('/')[0] ?? bare);
    for (const ext of ['', '.ts', '.tsx', '/index.ts']) if (isFile(base + ext)) return base + ext;
    return base;
  };
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    graph.set(
      file,
      importedFiles.map(({ fileName }) => resolve(file, fileName)),
    );
  }
  return graph;
}

/** Every module `start` reaches, itself included. */
export function reachable(graph: ImportGraph, start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const target of graph.get(next) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/** The import cycles: strongly connected groups of more than one module, or a self-import. */
export function importCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)?.includes(node)) cycles.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
