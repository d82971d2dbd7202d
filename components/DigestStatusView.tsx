import type { DigestStatus } from '@/lib/protocol/messages';
import { sourceName } from '@/lib/sources/source';

export type StatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: DigestStatus }
  | { kind: 'error'; message: string };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** How many papers are loaded, from which digest, and any source that is failing. */
export function DigestStatusView({ state }: { state: StatusState }) {
  if (state.kind === 'loading')
    return (
      <p class="muted" aria-busy="true">
        Loading papers…
      </p>
    );
  if (state.kind === 'error') {
    return (
      <p role="alert" class="error">
        PaperPeek could not read its papers: {state.message}. Reopen this popup to try again; if it
        keeps failing, reload the extension from chrome://extensions.
      </p>
    );
  }
  const { paperCount, sources } = state.status;
  const newest = sources
    .map((source) => source.generatedAt)
    .filter((date): date is string => Boolean(date))
    .sort()
    .at(-1);
  // An error older than the source's last success is history, not news.
  const failing = sources.filter(
    (source) => source.lastError && (source.lastErrorAt ?? 0) >= (source.lastSuccessAt ?? 0),
  );
  return (
    <section aria-label="Digest status">
      <p class="digest-count" data-testid="paper-count">
        <strong>{paperCount.toLocaleString()}</strong> {paperCount === 1 ? 'paper' : 'papers'}{' '}
        loaded
      </p>
      {newest && (
        <p class="muted" data-testid="digest-date">
          Digest of <time dateTime={newest}>{dateFormat.format(new Date(newest))}</time>
        </p>
      )}
      {failing.map((source) => (
        <p role="alert" class="error" key={source.id}>
          {sourceName(source.id)}: {source.lastError}
        </p>
      ))}
    </section>
  );
}
