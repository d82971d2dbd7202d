/**
 * What the popup and the options page do with the reading list as a whole: export it to a file,
 * import a backup and say what happened, clear it. Owns: the file names and types of exports,
 * and the sentences the user reads after an import. Never: writes an entry itself (store.ts and
 * import.ts do), or tells the worker to sync (the caller does, once).
 */
import type { PaperPeekDatabase } from '../db';
import { toCslJson } from './csl';
import { toBibTeX, toJsonBackup, toMarkdown, type CitedEntry } from './export';
import { importBackup } from './import';
import { toRis } from './ris';
import { listEntries, removeEntry } from './store';

export type ExportFormat = 'bibtex' | 'csl' | 'ris' | 'markdown' | 'json';

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** The file an export writes. */
export function exportFile(
  entries: CitedEntry[],
  format: ExportFormat,
  now: Date = new Date(),
): ExportFile {
  const name = 'paperpeek-reading-list';
  if (format === 'bibtex') {
    return { name: `${name}.bib`, type: 'application/x-bibtex', text: toBibTeX(entries) };
  }
  if (format === 'csl') {
    // CSL-JSON has no registered media type; Zotero and Pandoc go by the content.
    return { name: `${name}.csl.json`, type: 'application/json', text: toCslJson(entries) };
  }
  if (format === 'ris') {
    return {
      name: `${name}.ris`,
      type: 'application/x-research-info-systems',
      text: toRis(entries),
    };
  }
  if (format === 'markdown') {
    return { name: `${name}.md`, type: 'text/markdown', text: toMarkdown(entries) };
  }
  return { name: `${name}.json`, type: 'application/json', text: toJsonBackup(entries, now) };
}

/** Hands a file to the browser's downloads, from an extension page. */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  link.download = file.name;
  link.click();
  // The download has started by then; the object URL only holds the text in memory.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export interface ActionOutcome {
  ok: boolean;
  /** One sentence for the user. */
  message: string;
}

/** Imports a backup file's text; a file with any problem changes nothing and says why. */
export async function importBackupText(
  db: PaperPeekDatabase,
  text: string,
): Promise<ActionOutcome> {
  const result = await importBackup(db, text);
  return result.ok
    ? {
        ok: true,
        message: `Imported: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged.`,
      }
    : { ok: false, message: `Nothing was imported. ${result.problems.join(' ')}` };
}

/** Removes every entry, one removal each so that sync carries each to the other browsers. */
export async function clearReadingList(db: PaperPeekDatabase): Promise<number> {
  const entries = await listEntries(db);
  for (const entry of entries) await removeEntry(db, entry.paperId);
  return entries.length;
}
