import { useState } from 'preact/hooks';
import type { ImportSummary } from '@/lib/protocol/messages';
import { FORMAT_NAMES, parsePapers, type ParsedPapers } from '@/lib/sources/formats';

export interface ImportDigestProps {
  /** The title → arXiv id table that gives page text its ids. */
  idTable: string;
  apply(
    papers: Extract<ParsedPapers, { ok: true }>['papers'],
    label: string,
    onSent: (sent: number, total: number) => void,
  ): Promise<ImportSummary>;
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'preview'; name: string; parsed: ParsedPapers }
  | { kind: 'sending'; name: string; sent: number; total: number }
  | { kind: 'done'; message: string; ok: boolean };

/** A file input, a preview of what was found, then the import (nothing changes before "Add"). */
export function ImportDigest({ idTable, apply }: ImportDigestProps) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStage({ kind: 'preview', name: file.name, parsed: parsePapers(await file.text(), idTable) });
    input.value = ''; // the same file can be chosen again
  };
  const onApply = (name: string, parsed: Extract<ParsedPapers, { ok: true }>) => {
    setStage({ kind: 'sending', name, sent: 0, total: parsed.papers.length });
    apply(parsed.papers, name, (sent, total) =>
      setStage({ kind: 'sending', name, sent, total }),
    ).then(
      (summary) =>
        setStage({
          kind: 'done',
          ok: true,
          message: `Imported ${name}: ${summary.added.toLocaleString()} added, ${summary.updated.toLocaleString()} updated.`,
        }),
      (error: unknown) =>
        setStage({
          kind: 'done',
          ok: false,
          message: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  };

  return (
    <section aria-labelledby="import-title" class="options__section">
      <h2 id="import-title">Import papers</h2>
      <p class="muted">
        A PaperPeek digest (JSON), a saved Hugging Face Daily Papers API response (JSON), or the
        text of a Daily Papers page. You see what was found before anything changes.
      </p>
      <label class="file-button">
        Import digest: choose a file…
        <input
          type="file"
          accept=".json,.txt,application/json,text/plain"
          disabled={stage.kind === 'sending'}
          onChange={(event) => void onFile(event.target as HTMLInputElement)}
        />
      </label>
      {stage.kind === 'preview' && (
        <Preview stage={stage} onApply={onApply} cancel={() => setStage({ kind: 'idle' })} />
      )}
      {stage.kind === 'sending' && (
        <p role="status">
          Sending {stage.name}: {stage.sent.toLocaleString()} of {stage.total.toLocaleString()}{' '}
          papers
          <progress aria-label={`Sending ${stage.name}`} max={stage.total} value={stage.sent} />
        </p>
      )}
      {stage.kind === 'done' && (
        <p role="status" class={stage.ok ? '' : 'error'}>
          {stage.message}
        </p>
      )}
    </section>
  );
}

function Preview({
  stage,
  onApply,
  cancel,
}: {
  stage: Extract<Stage, { kind: 'preview' }>;
  onApply(name: string, parsed: Extract<ParsedPapers, { ok: true }>): void;
  cancel(): void;
}) {
  const { name, parsed } = stage;
  if (!parsed.ok) {
    return (
      <div role="alert" class="error preview">
        <p>
          {name}: nothing can be imported
          {parsed.format ? ` from this ${FORMAT_NAMES[parsed.format]}` : ''}.
        </p>
        <ul>
          {parsed.problems.slice(0, 10).map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div class="preview" role="group" aria-label="Import preview">
      <p>
        <strong>{name}</strong>: {FORMAT_NAMES[parsed.format]} with{' '}
        {parsed.papers.length.toLocaleString()} papers
        {parsed.skipped.length > 0 && ` (${parsed.skipped.length} notes below)`}.
        {parsed.dropped.length > 0 &&
          ` ${parsed.dropped.length} unusable ${parsed.dropped.length === 1 ? 'field was' : 'fields were'} dropped; those papers are kept without them.`}
      </p>
      <ul class="preview__titles">
        {parsed.papers.slice(0, 5).map((paper) => (
          <li key={paper.id}>{paper.title}</li>
        ))}
        {parsed.papers.length > 5 && <li class="muted">…and {parsed.papers.length - 5} more</li>}
      </ul>
      {parsed.dropped.length > 0 && (
        <details>
          <summary>
            {parsed.dropped.length} {parsed.dropped.length === 1 ? 'field' : 'fields'} dropped
          </summary>
          <ul>
            {parsed.dropped.slice(0, 50).map((line, index) => (
              <li key={index}>{line}</li>
            ))}
            {parsed.dropped.length > 50 && <li>…and {parsed.dropped.length - 50} more</li>}
          </ul>
        </details>
      )}
      {parsed.skipped.length > 0 && (
        <details>
          <summary>{parsed.skipped.length} items left out or changed</summary>
          <ul>
            {parsed.skipped.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="options__row">
        <button type="button" onClick={() => onApply(name, parsed)}>
          Add {parsed.papers.length.toLocaleString()} papers
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
