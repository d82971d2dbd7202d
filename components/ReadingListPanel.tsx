import { useMemo, useState } from 'preact/hooks';
import type { ReadingListEntry } from '@/lib/db';
import type { EntryChanges } from '@/lib/reading-list/store';
import { safeHref } from '@/lib/safe-url';
import { SyncStatus, type SyncStatusProps } from './SyncStatus';

export interface ReadingListPanelProps {
  entries: ReadingListEntry[];
  update(paperId: string, changes: EntryChanges): Promise<void>;
  remove(paperId: string): Promise<void>;
  undo: { title: string; restore(): Promise<void> } | null;
  exportAs(format: 'bibtex' | 'markdown' | 'json'): void;
  /** Imports a JSON backup; resolves to what happened, in words. */
  importFile(file: File): Promise<{ ok: boolean; message: string }>;
  copyBibTeX(entry: ReadingListEntry): void;
  sync: SyncStatusProps;
}

type StatusFilter = 'all' | 'unread' | 'read';

/** The saved papers: filter, notes, read/unread, remove with Undo, export. */
export function ReadingListPanel(props: ReadingListPanelProps) {
  const { entries, undo } = props;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [tag, setTag] = useState('');
  const [text, setText] = useState('');
  const [imported, setImported] = useState<{ ok: boolean; message: string } | null>(null);
  const localOnly = useMemo(
    () =>
      new Set(props.sync.enabled ? props.sync.report?.localOnly.map((item) => item.paperId) : []),
    [props.sync],
  );
  const tags = useMemo(
    () => [...new Set(entries.flatMap((entry) => entry.tags))].sort(),
    [entries],
  );
  const shown = entries.filter(
    (entry) =>
      (status === 'all' || entry.status === status) &&
      (!tag || entry.tags.includes(tag)) &&
      (!text ||
        `${entry.title} ${entry.authors.join(' ')} ${entry.note}`
          .toLowerCase()
          .includes(text.toLowerCase())),
  );

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
        <ul class="entries" aria-label="Saved papers">
          {shown.map((entry) => (
            <Entry
              key={entry.paperId}
              entry={entry}
              localOnly={localOnly.has(entry.paperId)}
              {...props}
            />
          ))}
        </ul>
      )}
      <SyncStatus {...props.sync} />
      <div class="reading__export">
        <span class="muted">Export</span>
        <button
          type="button"
          onClick={() => props.exportAs('bibtex')}
          disabled={entries.length === 0}
        >
          BibTeX
        </button>
        <button
          type="button"
          onClick={() => props.exportAs('markdown')}
          disabled={entries.length === 0}
        >
          Markdown
        </button>
        <label class="import">
          Import…
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import reading list"
            onChange={(event) => {
              const input = event.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void props.importFile(file).then(setImported);
              input.value = '';
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => props.exportAs('json')}
          disabled={entries.length === 0}
        >
          JSON backup
        </button>
      </div>
    </section>
  );
}

function Entry({
  entry,
  localOnly,
  update,
  remove,
  copyBibTeX,
}: { entry: ReadingListEntry; localOnly: boolean } & ReadingListPanelProps) {
  const href = entry.arxivId ? safeHref(`https://arxiv.org/abs/${entry.arxivId}`) : null;
  const read = entry.status === 'read';
  return (
    <li class={read ? 'entry entry--read' : 'entry'} aria-label={entry.title}>
      {href ? (
        <a class="entry__title" href={href} target="_blank" rel="noopener noreferrer">
          {entry.title}
        </a>
      ) : (
        <span class="entry__title">{entry.title}</span>
      )}
      {entry.authors.length > 0 && (
        <span class="muted entry__authors">{entry.authors.join(', ')}</span>
      )}
      {localOnly && <span class="badge">this browser only</span>}
      <textarea
        class="entry__note"
        aria-label={`Note on ${entry.title}`}
        placeholder="Note"
        rows={1}
        value={entry.note}
        onChange={(event) =>
          void update(entry.paperId, { note: (event.target as HTMLTextAreaElement).value })
        }
      />
      <input
        class="entry__tags"
        aria-label={`Tags of ${entry.title}`}
        placeholder="tags, comma separated"
        value={entry.tags.join(', ')}
        onChange={(event) =>
          void update(entry.paperId, {
            tags: [
              ...new Set(
                (event.target as HTMLInputElement).value
                  .split(',')
                  .map((tag) => tag.trim())
                  .filter(Boolean),
              ),
            ],
          })
        }
      />
      <div class="entry__actions">
        <button
          type="button"
          onClick={() => void update(entry.paperId, { status: read ? 'unread' : 'read' })}
        >
          {read ? 'Mark as unread' : 'Mark as read'}
        </button>
        <button type="button" onClick={() => copyBibTeX(entry)}>
          Copy BibTeX
        </button>
        <button
          type="button"
          aria-label={`Remove ${entry.title}`}
          onClick={() => void remove(entry.paperId)}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
