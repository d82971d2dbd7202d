import { useEffect, useRef, useState } from 'preact/hooks';

export interface FindBarProps {
  found: { current: number; total: number; pending: boolean; query: string };
  find(query: string, options: { again: boolean; backwards: boolean }): void;
  close(): void;
}

/** Find in the PDF: Enter for the next match, Shift+Enter for the previous one, Esc closes. */
export function FindBar({ found, find, close }: FindBarProps) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const said = !query
    ? ''
    : found.pending && found.query === query
      ? 'Searching…'
      : found.total === 0
        ? 'Not found'
        : `${found.current} of ${found.total}`;
  return (
    <div class="reader__find" role="search" aria-label="Find in the PDF">
      <input
        ref={input}
        type="search"
        aria-label="Find in the PDF"
        placeholder="Find in the PDF"
        value={query}
        onInput={(event) => {
          const value = (event.target as HTMLInputElement).value;
          setQuery(value);
          find(value, { again: false, backwards: false });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            find(query, { again: true, backwards: event.shiftKey });
          } else if (event.key === 'Escape') close();
        }}
      />
      <button
        type="button"
        aria-label="Previous match"
        onClick={() => find(query, { again: true, backwards: true })}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        onClick={() => find(query, { again: true, backwards: false })}
      >
        ↓
      </button>
      <span class="muted" role="status">
        {said}
      </span>
      <button type="button" aria-label="Close find" onClick={close}>
        ✕
      </button>
    </div>
  );
}
