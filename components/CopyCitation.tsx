import { useState } from 'preact/hooks';
import {
  CITATION_STYLES,
  citationStyleName,
  isCitationStyle,
  rememberedCitationStyle,
  type CitationStyleId,
} from '@/lib/citations/styles';

export interface CopyCitationProps {
  /** The picker's and the button's names, for a screen reader: whose citation this is. */
  label: string;
  /** The style used last (remembered across uses), or anything else for the default. */
  style: string;
  setStyle(style: CitationStyleId): void;
  /** Copies the citation in `style`; rejects with a sentence when it cannot. */
  copy(style: CitationStyleId): Promise<void>;
  /** Loads the style and the processor ahead of the click. */
  prepare(style: CitationStyleId): void;
}

/** A style picker and "Copy citation", and what came of the copy, said until the next one. */
export function CopyCitation({ label, style, setStyle, copy, prepare }: CopyCitationProps) {
  const chosen = rememberedCitationStyle(style);
  const name = citationStyleName(chosen);
  const [state, setState] = useState<'copying' | { ok: boolean; said: string } | null>(null);
  const onCopy = () => {
    if (state === 'copying') return;
    setState('copying');
    copy(chosen).then(
      () => setState({ ok: true, said: `Citation copied (${name}).` }),
      (error: unknown) =>
        setState({
          ok: false,
          said: `The citation was not copied: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  };
  return (
    <span class="cite">
      <select
        aria-label={`Citation style for ${label}`}
        value={chosen}
        onFocus={() => prepare(chosen)}
        onChange={(event) => {
          const next = (event.target as HTMLSelectElement).value;
          if (isCitationStyle(next)) {
            setStyle(next);
            setState(null);
            prepare(next);
          }
        }}
      >
        {CITATION_STYLES.map((each) => (
          <option key={each.id} value={each.id}>
            {each.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={`Copy citation of ${label}`}
        aria-disabled={state === 'copying'}
        onPointerEnter={() => prepare(chosen)}
        onFocus={() => prepare(chosen)}
        onClick={onCopy}
      >
        {state === 'copying' ? 'Copying…' : 'Copy citation'}
      </button>
      {state && state !== 'copying' && (
        <span role={state.ok ? 'status' : 'alert'} class={state.ok ? 'muted' : 'error'}>
          {state.said}
        </span>
      )}
    </span>
  );
}
