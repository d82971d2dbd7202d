import { describe, expect, it } from 'vitest';
import { CHUNKS_IN_FLIGHT, sendImport } from '@/components/options/send-import';
import { IMPORT_CHUNK_PAPERS } from '@/lib/protocol/messages';
import { timeAgo } from '@/lib/text/time-ago';
import { generatePapers } from '../../helpers/generate-papers';

describe('timeAgo', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it.each([
    [undefined, 'never'],
    [now - 20_000, 'just now'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 3 * 3_600_000, '3 h ago'],
  ])('%s → %s', (time, text) => expect(timeAgo(time, now)).toBe(text));

  it('gives the date after a day', () => {
    expect(timeAgo(now - 2 * 86_400_000, now)).toBe(
      new Date(now - 2 * 86_400_000).toLocaleString(),
    );
  });
});

describe('sendImport', () => {
  it('sends a file in chunks the protocol accepts, reports progress, then commits once', async () => {
    const sent: { type: string; size?: number }[] = [];
    const progress: number[] = [];
    const summary = await sendImport(
      generatePapers(4_500),
      'big.json',
      (async (type: string, data: { papers?: unknown[] }) => {
        sent.push({ type, ...(data.papers ? { size: data.papers.length } : {}) });
        if (type === 'importBegin') return { importId: 'i' };
        if (type === 'importChunk') return { accepted: data.papers?.length ?? 0, skipped: 0 };
        return { added: 4_500, updated: 0, paperCount: 4_500, skipped: 0 };
      }) as never,
      (done) => progress.push(done),
    );
    expect(sent).toEqual([
      { type: 'importBegin' },
      { type: 'importChunk', size: 2_000 },
      { type: 'importChunk', size: 2_000 },
      { type: 'importChunk', size: 500 },
      { type: 'importCommit' },
    ]);
    expect(progress).toEqual([2_000, 4_000, 4_500]);
    expect(summary.added).toBe(4_500);
  });

  it('keeps a few chunks in flight, never more, and commits after the last answer', async () => {
    let open = 0;
    let most = 0;
    const events: string[] = [];
    await sendImport(generatePapers(9 * IMPORT_CHUNK_PAPERS), 'big.json', (async (type: string) => {
      if (type === 'importBegin') return { importId: 'i' };
      if (type === 'importCommit') {
        events.push(`commit with ${open} open`);
        return { added: 0, updated: 0, paperCount: 0, skipped: 0 };
      }
      open += 1;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 1));
      open -= 1;
      return { accepted: 0, skipped: 0 };
    }) as never);
    expect(most).toBe(CHUNKS_IN_FLIGHT);
    expect(events).toEqual(['commit with 0 open']);
  });

  it('commits nothing when a chunk is refused, and says why', async () => {
    const types: string[] = [];
    await expect(
      sendImport(generatePapers(5 * IMPORT_CHUNK_PAPERS), 'big.json', (async (type: string) => {
        types.push(type);
        if (type === 'importBegin') return { importId: 'i' };
        if (types.filter((one) => one === 'importChunk').length === 2) {
          throw new Error('This import is no longer open: start it again.');
        }
        return { accepted: 0, skipped: 0 };
      }) as never),
    ).rejects.toThrow('no longer open');
    expect(types).not.toContain('importCommit');
  });
});
