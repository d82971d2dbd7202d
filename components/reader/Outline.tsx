import type { OutlineEntry } from '@/lib/reader/outline';

/** The PDF's outline beside the pages: each entry a button that shows its place. */
export function Outline({
  entries,
  go,
}: {
  entries: OutlineEntry[];
  go(dest: OutlineEntry['dest']): void;
}) {
  return (
    <nav class="reader__outline" aria-label="Outline">
      <OutlineList entries={entries} go={go} />
    </nav>
  );
}

function OutlineList({
  entries,
  go,
}: {
  entries: OutlineEntry[];
  go(dest: OutlineEntry['dest']): void;
}) {
  return (
    <ul>
      {entries.map((entry, index) => (
        <li key={index}>
          <button type="button" class="link-button" onClick={() => go(entry.dest)}>
            {entry.title}
          </button>
          {entry.children.length > 0 && <OutlineList entries={entry.children} go={go} />}
        </li>
      ))}
    </ul>
  );
}
