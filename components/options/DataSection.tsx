import { useState } from 'preact/hooks';

export interface DataSectionProps {
  entryCount: number;
  exportBackup(): void;
  importBackup(file: File): Promise<{ ok: boolean; message: string }>;
  clearReadingList(): Promise<number>;
  clearDigest(): Promise<void>;
}

const entriesText = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

/** The reading-list backup, and the two ways to start over (each asks first). */
export function DataSection(props: DataSectionProps) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<'list' | 'digest' | null>(null);
  const done = (ok: boolean, text: string) => {
    setConfirming(null);
    setMessage({ ok, text });
  };
  const failed = (error: unknown) =>
    done(false, error instanceof Error ? error.message : String(error));

  return (
    <section aria-labelledby="data-title" class="options__section">
      <h2 id="data-title">Your data</h2>
      <div class="options__row">
        <button type="button" onClick={props.exportBackup}>
          Export reading list (JSON)
        </button>
        <label class="file-button">
          Import reading list (JSON backup)…
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const input = event.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file)
                props.importBackup(file).then((result) => done(result.ok, result.message), failed);
            }}
          />
        </label>
      </div>
      <div class="options__row">
        <button type="button" onClick={() => setConfirming('digest')}>
          Clear digest…
        </button>
        <button
          type="button"
          onClick={() => setConfirming('list')}
          disabled={props.entryCount === 0}
        >
          Clear reading list…
        </button>
      </div>
      {confirming === 'digest' && (
        <div role="alertdialog" aria-labelledby="confirm-digest" class="confirm">
          <p id="confirm-digest">
            Remove every paper from the digest? Your reading list stays as it is; "Refresh now"
            fetches papers again.
          </p>
          <button
            type="button"
            onClick={() =>
              props.clearDigest().then(() => done(true, 'The digest is empty.'), failed)
            }
          >
            Yes, clear the digest
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      {confirming === 'list' && (
        <div role="alertdialog" aria-labelledby="confirm-list" class="confirm">
          <p id="confirm-list">
            Remove {entriesText(props.entryCount)} from your reading list, with notes and tags? With
            sync on, they leave your other browsers too. Export a backup first if you may want them
            back.
          </p>
          <button
            type="button"
            class="danger"
            onClick={() =>
              props
                .clearReadingList()
                .then((count) => done(true, `Removed ${entriesText(count)}.`), failed)
            }
          >
            Yes, remove {entriesText(props.entryCount)}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p role="status" class={message.ok ? '' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
