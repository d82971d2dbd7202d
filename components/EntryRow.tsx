import { useState } from 'preact/hooks';
import type { ReadingListEntry } from '@/lib/db';
import { entryByline } from '@/lib/reading-list/list-view';
import type { EntryChanges } from '@/lib/reading-list/store';
import { safeHref } from '@/lib/safe-url';
import type { ZoteroOutcome } from '@/lib/zotero/outcome';
import { useDraft } from './useDraft';
import type { CitationStyleId } from '@/lib/citations/styles';
import { CopyCitation } from './CopyCitation';
import { ZoteroButton } from './ZoteroButton';

export interface EntryRowProps {
  entry: ReadingListEntry;
  /** Kept on this browser only (does not fit in browser sync). */
  localOnly: boolean;
  selected: boolean;
  select(on: boolean): void;
  update(paperId: string, changes: EntryChanges): Promise<void>;
  remove(paperId: string): Promise<void>;
  copyBibTeX(entry: ReadingListEntry): Promise<void>;
  saveToZotero(paperIds: string[]): Promise<ZoteroOutcome>;
  citations: CitationActions;
  /** Where PaperPeek's reader shows this paper's PDF (at the last page read), or null. */
  readerAddress: string | null;
}

/** Copy citation for entries: the remembered style, the copy, and loading ahead of it. */
export interface CitationActions {
  style: string;
  setStyle(style: CitationStyleId): void;
  copy(paperIds: string[], style: CitationStyleId): Promise<void>;
  prepare(style: CitationStyleId): void;
}

/** How long "Copied" stays on the button. */
const COPIED_MS = 2_000;

/** One saved paper: a compact row, and its note, tags and actions when opened. */
export function EntryRow({
  entry,
  localOnly,
  selected,
  select,
  update,
  remove,
  copyBibTeX,
  saveToZotero,
  citations,
  readerAddress,
}: EntryRowProps) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const href = entry.arxivId ? safeHref(`https://arxiv.org/abs/${entry.arxivId}`) : null;
  const read = entry.status === 'read';
  const byline = entryByline(entry);
  const detailsId = `details-${entry.paperId.replace(/[^\w-]/g, '_')}`;
  const copy = () =>
    void copyBibTeX(entry)
      .then(
        () => setCopied('copied'),
        () => setCopied('failed'),
      )
      .finally(() => setTimeout(() => setCopied(null), COPIED_MS));

  return (
    <li class={read ? 'entry entry--read' : 'entry'} aria-label={entry.title}>
      <div class="entry__row">
        <input
          type="checkbox"
          class="entry__select"
          aria-label={`Select ${entry.title}`}
          checked={selected}
          onChange={(event) => select((event.target as HTMLInputElement).checked)}
        />
        <div class="entry__main">
          {href ? (
            <a
              class="entry__title"
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              title={entry.title}
            >
              {entry.title}
            </a>
          ) : (
            <span class="entry__title" title={entry.title}>
              {entry.title}
            </span>
          )}
          <span class="entry__meta">
            {byline && <span class="muted">{byline}</span>}
            {entry.tags.map((tag) => (
              <span key={tag} class="chip">
                {tag}
              </span>
            ))}
            {localOnly && <span class="badge">this browser only</span>}
          </span>
        </div>
        <button
          type="button"
          class={read ? 'entry__status' : 'entry__status entry__status--unread'}
          aria-pressed={read}
          aria-label={`Read: ${entry.title}`}
          title={read ? 'Read (mark as unread)' : 'Unread (mark as read)'}
          onClick={() => void update(entry.paperId, { status: read ? 'unread' : 'read' })}
        >
          {read ? '✓' : '●'}
        </button>
        <button
          type="button"
          class="entry__more"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`Details of ${entry.title}`}
          onClick={() => setOpen(!open)}
        >
          ⋯
        </button>
      </div>
      {open && (
        <div class="entry__details" id={detailsId}>
          <NoteField entry={entry} update={update} />
          <TagsField entry={entry} update={update} />
          <div class="entry__actions">
            {readerAddress && (
              <a
                class="button-link"
                href={readerAddress}
                target="_blank"
                rel="noopener"
                aria-label={`Read PDF: ${entry.title}, in PaperPeek’s reader`}
              >
                Read PDF
              </a>
            )}
            <button type="button" onClick={copy}>
              {copied === 'copied' ? 'Copied' : 'Copy BibTeX'}
            </button>
            <span role="status" class="muted">
              {copied === 'copied'
                ? 'BibTeX copied to the clipboard.'
                : copied === 'failed'
                  ? 'The browser did not allow copying.'
                  : ''}
            </span>
            <CopyCitation
              label={entry.title}
              style={citations.style}
              setStyle={citations.setStyle}
              prepare={citations.prepare}
              copy={(style) => citations.copy([entry.paperId], style)}
            />
            <ZoteroButton
              paperIds={[entry.paperId]}
              label={`Save to Zotero: ${entry.title}`}
              saveToZotero={saveToZotero}
            />
            <button
              type="button"
              class="entry__remove"
              aria-label={`Remove ${entry.title}`}
              onClick={() => void remove(entry.paperId)}
            >
              Remove
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

type FieldProps = Pick<EntryRowProps, 'entry' | 'update'>;

function NoteField({ entry, update }: FieldProps) {
  const draft = useDraft(entry.note, (note) => update(entry.paperId, { note }));
  return (
    <textarea
      class="entry__note"
      aria-label={`Note on ${entry.title}`}
      placeholder="Note (kept out of citations)"
      rows={2}
      value={draft.text}
      onInput={draft.onInput}
      onFocus={draft.onFocus}
      onBlur={draft.onBlur}
    />
  );
}

function TagsField({ entry, update }: FieldProps) {
  const draft = useDraft(entry.tags.join(', '), (text) =>
    update(entry.paperId, { tags: parseTags(text) }),
  );
  return (
    <input
      class="entry__tags"
      aria-label={`Tags of ${entry.title}`}
      placeholder="tags, comma separated"
      value={draft.text}
      onInput={draft.onInput}
      onFocus={draft.onFocus}
      onBlur={draft.onBlur}
    />
  );
}

function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
