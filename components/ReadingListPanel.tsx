import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReadingListEntry } from '@/lib/db';
import type { ExportFormat } from '@/lib/reading-list/actions';
import {
  filterEntries,
  sortEntries,
  tagsOf,
  type EntryOrder,
  type StatusFilter,
} from '@/lib/reading-list/list-view';
import type { EntryChanges } from '@/lib/reading-list/store';
import type { ZoteroOutcome } from '@/lib/zotero/outcome';
import { CopyCitation } from './CopyCitation';
import { EntryRow, type CitationActions } from './EntryRow';
import { ZoteroButton } from './ZoteroButton';
import { SyncStatus, type SyncStatusProps } from './SyncStatus';

export interface ReadingListPanelProps {
  entries: ReadingListEntry[];
  update(paperId: string, changes: EntryChanges): Promise<void>;
  /** The same change to several entries at once (the selection). */
  updateMany(paperIds: string[], changes: EntryChanges): Promise<void>;
  remove(paperId: string): Promise<void>;
  undo: { title: string; restore(): Promise<void> } | null;
  /** Exports the given entries (all of them when none are given). */
  exportAs(format: ExportFormat, paperIds?: string[]): void;
  /** Imports a JSON backup; resolves to what happened, in words. */
  importFile(file: File): Promise<{ ok: boolean; message: string }>;
  /** Copy citation: the style remembered across uses, and the copy itself. */
  citations: CitationActions;
  /** Sends entries to Zotero desktop (asking for the permission from the click). */
  saveToZotero(paperIds: string[]): Promise<ZoteroOutcome>;
  /** Copies an entry's BibTeX to the clipboard; rejects when the browser refuses. */
  copyBibTeX(entry: ReadingListEntry): Promise<void>;
  /** The reader's address for an entry's PDF (arXiv papers), or null. */
  readerAddressOf(entry: ReadingListEntry): string | null;
  sync: SyncStatusProps;
}

/**
 * The saved papers as a compact list a researcher with hundreds of entries can use: one row
 * each, details on demand, filters, two orders, and actions on a selection.
 */
/** Formats a selection can be exported to: format, button text, the rest of its name. */
const SELECTION_EXPORTS: readonly (readonly [ExportFormat, string, string])[] = [
  ['bibtex', 'BibTeX', ''],
  ['csl', 'CSL-JSON', ' (Zotero, Mendeley, Pandoc)'],
  ['ris', 'RIS', ' (EndNote, Mendeley, Zotero)'],
  ['markdown', 'Markdown', ''],
];
/** The whole list: the same, and the backup. */
const ALL_EXPORTS: readonly (readonly [ExportFormat, string])[] = [
  ...SELECTION_EXPORTS.map(([format, label]) => [format, label] as const),
  ['json', 'JSON backup'],
];

export function ReadingListPanel(props: ReadingListPanelProps) {
  const { entries, undo } = props;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [tag, setTag] = useState('');
  const [text, setText] = useState('');
  const [order, setOrder] = useState<EntryOrder>('saved');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [imported, setImported] = useState<{ ok: boolean; message: string } | null>(null);
  const localOnly = useMemo(
    () =>
      new Set(props.sync.enabled ? props.sync.report?.localOnly.map((item) => item.paperId) : []),
    [props.sync],
  );
  const tags = useMemo(() => tagsOf(entries), [entries]);
  const shown = useMemo(
    () => sortEntries(filterEntries(entries, { text, status, tag }), order),
    [entries, text, status, tag, order],
  );
  // A selection only ever names entries that still exist.
  const selectedIds = entries.map((entry) => entry.paperId).filter((id) => selected.has(id));
  const shownSelected = shown.filter((entry) => selected.has(entry.paperId)).length;
  const allShownSelected = shown.length > 0 && shownSelected === shown.length;
  // Some but not all: the box says so (there is no attribute for it, only the property).
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = shownSelected > 0 && !allShownSelected;
  });
  const toggle = (paperId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(paperId);
    else next.delete(paperId);
    setSelected(next);
  };

  return (
    <section class="reading" aria-label="Reading list">
      <div class="reading__filters">
        <input
          type="search"
          aria-label="Search the reading list"
          placeholder="Search saved papers"
          value={text}
          onInput={(event) => setText((event.target as HTMLInputElement).value)}
        />
        <select
          aria-label="Status"
          value={status}
          onChange={(event) => setStatus((event.target as HTMLSelectElement).value as StatusFilter)}
        >
          <option value="all">All</option>
          <option value="unread">Unread</option>
          <option value="read">Read</option>
        </select>
        {tags.length > 0 && (
          <select
            aria-label="Tag"
            value={tag}
            onChange={(event) => setTag((event.target as HTMLSelectElement).value)}
          >
            <option value="">Any tag</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label="Order"
          value={order}
          onChange={(event) => setOrder((event.target as HTMLSelectElement).value as EntryOrder)}
        >
          <option value="saved">Newest saved</option>
          <option value="published">Newest published</option>
        </select>
      </div>
      {imported && (
        <p role={imported.ok ? 'status' : 'alert'} class={imported.ok ? 'undo' : 'error'}>
          {imported.message}
        </p>
      )}
      {undo && (
        <p class="undo" role="status">
          Removed “{undo.title}”.{' '}
          <button type="button" onClick={() => void undo.restore()}>
            Undo
          </button>
        </p>
      )}
      {entries.length === 0 ? (
        <p class="muted">Nothing saved yet. Save papers from a hover card or from search.</p>
      ) : (
        <>
          <div class="selection" role="group" aria-label="Selection">
            <label class="selection__all">
              <input
                type="checkbox"
                ref={selectAll}
                checked={allShownSelected}
                aria-describedby="selection-count"
                onChange={(event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  setSelected(on ? new Set(shown.map((entry) => entry.paperId)) : new Set());
                }}
              />
              {allShownSelected ? 'Select none' : 'Select all'}
            </label>
            <span id="selection-count" class="selection__count muted">
              {selectedIds.length > 0
                ? `${selectedIds.length} selected`
                : shown.length === entries.length
                  ? `${entries.length} ${entries.length === 1 ? 'paper' : 'papers'}`
                  : `${shown.length} of ${entries.length} shown`}
            </span>
            <span class="selection__legend muted">
              <span aria-hidden="true" class="selection__dot">
                ●
              </span>{' '}
              unread
            </span>
          </div>
          {selectedIds.length > 0 && (
            <div class="selection selection__actions" role="group" aria-label="Selected papers">
              {/* Two groups that wrap whole: no button is ever left alone on a line. */}
              <span class="selection__group">
                <span class="muted">Mark</span>
                <button
                  type="button"
                  aria-label="Mark selected read"
                  onClick={() => void props.updateMany(selectedIds, { status: 'read' })}
                >
                  Read
                </button>
                <button
                  type="button"
                  aria-label="Mark selected unread"
                  onClick={() => void props.updateMany(selectedIds, { status: 'unread' })}
                >
                  Unread
                </button>
              </span>
              <span class="selection__group">
                <CopyCitation
                  key={`cite ${selectedIds.join(' ')}`}
                  label={`${selectedIds.length} selected`}
                  style={props.citations.style}
                  setStyle={props.citations.setStyle}
                  prepare={props.citations.prepare}
                  copy={(style) => props.citations.copy(selectedIds, style)}
                />
              </span>
              <span class="selection__group">
                <ZoteroButton
                  // A new selection is a new save: what the last one said goes with it.
                  key={selectedIds.join(' ')}
                  paperIds={selectedIds}
                  label={`Save to Zotero: ${selectedIds.length} selected`}
                  saveToZotero={props.saveToZotero}
                />
              </span>
              <span class="selection__group">
                <span class="muted">Export</span>
                {SELECTION_EXPORTS.map(([format, label, description]) => (
                  <button
                    key={format}
                    type="button"
                    aria-label={`Export selected as ${label}${description}`}
                    onClick={() => props.exportAs(format, selectedIds)}
                  >
                    {label}
                  </button>
                ))}
              </span>
            </div>
          )}
          <ul class="entries" aria-label="Saved papers">
            {shown.map((entry) => (
              <EntryRow
                key={entry.paperId}
                entry={entry}
                localOnly={localOnly.has(entry.paperId)}
                selected={selected.has(entry.paperId)}
                select={(on) => toggle(entry.paperId, on)}
                update={props.update}
                remove={props.remove}
                copyBibTeX={props.copyBibTeX}
                saveToZotero={props.saveToZotero}
                citations={props.citations}
                readerAddress={props.readerAddressOf(entry)}
              />
            ))}
          </ul>
          {shown.length === 0 && <p class="muted">No saved paper matches these filters.</p>}
        </>
      )}
      <SyncStatus {...props.sync} entryCount={entries.length} />
      <div class="reading__export">
        <span class="muted">Export all</span>
        {ALL_EXPORTS.map(([format, label]) => (
          <button
            key={format}
            type="button"
            onClick={() => props.exportAs(format)}
            disabled={entries.length === 0}
          >
            {label}
          </button>
        ))}
      </div>
      <div class="reading__import">
        <label class="file-button">
          Import reading list (JSON backup)…
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const input = event.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void props.importFile(file).then(setImported);
              input.value = '';
            }}
          />
        </label>
      </div>
    </section>
  );
}
