import { useState } from 'preact/hooks';
import type { SourceState } from '@/lib/sources/source';
import type { DigestStatus } from '@/lib/protocol/messages';
import type { DigestJob } from '@/lib/sources/digest-jobs';
import type { RefreshOutcome } from '@/lib/protocol/messages';
import { timeAgo } from '@/lib/text/time-ago';
import { sourceName } from '@/lib/sources/source';

export interface SourcesSectionProps {
  status: DigestStatus | null;
  job: DigestJob | null;
  refresh(): Promise<RefreshOutcome[]>;
  now: number;
}

const PHASES: Record<DigestJob['phase'], string> = {
  fetching: 'asking the sources',
  reading: 'reading the stored papers',
  indexing: 'indexing',
  writing: 'writing',
};

/** Where the papers come from, how each source is doing, and "Refresh now". */
export function SourcesSection({ status, job, refresh, now }: SourcesSectionProps) {
  const [outcomes, setOutcomes] = useState<RefreshOutcome[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const onRefresh = () => {
    setOutcomes(null);
    setFailure(null);
    refresh().then(setOutcomes, (error: unknown) =>
      setFailure(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <section aria-labelledby="sources-title" class="options__section">
      <h2 id="sources-title">Sources</h2>
      <p class="muted">
        {status ? `${status.paperCount.toLocaleString()} papers in your digest.` : 'Loading…'}
      </p>
      <ul class="sources">
        {status?.sources.map((source) => (
          <SourceRow key={source.id} source={source} now={now} />
        ))}
      </ul>
      <div class="options__row">
        <button type="button" onClick={onRefresh} disabled={job !== null}>
          Refresh now
        </button>
        {job && (
          <span role="status" class="job">
            {job.label}: {PHASES[job.phase]}
            {job.total > 0 && ` ${job.done.toLocaleString()} of ${job.total.toLocaleString()}`}
            <progress
              aria-label={job.label}
              max={job.total || 1}
              value={job.total ? job.done : undefined}
            />
          </span>
        )}
      </div>
      <div aria-live="polite">
        {outcomes?.length === 0 && <p>No source is switched on.</p>}
        {outcomes?.map((outcome) => (
          <p key={outcome.sourceId} class={outcome.ok ? '' : 'error'}>
            {sourceName(outcome.sourceId)}: {outcome.message}
          </p>
        ))}
        {failure && <p class="error">The refresh did not run: {failure}</p>}
      </div>
    </section>
  );
}

function SourceRow({ source, now }: { source: SourceState; now: number }) {
  const failing =
    source.lastErrorAt !== undefined && source.lastErrorAt >= (source.lastSuccessAt ?? 0);
  return (
    <li class="source" aria-label={sourceName(source.id)}>
      <strong>{sourceName(source.id)}</strong>
      <span class="muted">
        {source.paperCount.toLocaleString()} papers · last success{' '}
        {timeAgo(source.lastSuccessAt, now)}
        {source.droppedFields
          ? ` · ${source.droppedFields} unusable ${source.droppedFields === 1 ? 'field' : 'fields'} dropped (papers kept)`
          : ''}
      </span>
      {failing && (
        <span class="error source__error">
          Last error ({timeAgo(source.lastErrorAt, now)}): {source.lastError}
        </span>
      )}
    </li>
  );
}
