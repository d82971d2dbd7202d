import { useState } from 'preact/hooks';
import type { ZoteroOutcome } from '@/lib/zotero/outcome';

export interface ZoteroButtonProps {
  paperIds: string[];
  /** The button's full name, for a screen reader: "Save to Zotero" and which papers. */
  label: string;
  saveToZotero(paperIds: string[]): Promise<ZoteroOutcome>;
}

/**
 * "Save to Zotero" and what came of it, said beside the button until the next try: it never
 * vanishes while the user is still reading it.
 */
export function ZoteroButton({ paperIds, label, saveToZotero }: ZoteroButtonProps) {
  const [outcome, setOutcome] = useState<ZoteroOutcome | 'saving' | null>(null);
  const save = () => {
    if (outcome === 'saving') return;
    setOutcome('saving');
    saveToZotero(paperIds).then(setOutcome, (error: unknown) =>
      setOutcome({ ok: false, problem: 'failed', message: (error as Error).message }),
    );
  };
  return (
    <>
      <button type="button" aria-label={label} aria-disabled={outcome === 'saving'} onClick={save}>
        {outcome === 'saving' ? 'Sending…' : 'Save to Zotero'}
      </button>
      {outcome && outcome !== 'saving' && (
        <span role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'muted' : 'error'}>
          {outcome.message}
        </span>
      )}
    </>
  );
}
