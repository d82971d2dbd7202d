/**
 * Sending an imported file's papers to the worker. Owns: cutting them into messages the
 * protocol accepts and reporting how far it got. Never: writes the database itself (the worker
 * is the only writer of papers), or leaves an import open after a failure.
 */
import { IMPORT_CHUNK_PAPERS, type ImportSummary, type ProtocolMap } from '@/lib/protocol/messages';
import type { Paper } from '@/lib/digest/schema';

type Ask = <K extends 'importBegin' | 'importChunk' | 'importCommit'>(
  type: K,
  data: ProtocolMap[K]['request'],
) => Promise<ProtocolMap[K]['response']>;

/**
 * Chunks sent before the first answer is awaited: one at a time, the page and the worker each
 * waited for the other most of the time (5 s of 100,000 papers' 5.3 s of sending).
 */
export const CHUNKS_IN_FLIGHT = 3;

export async function sendImport(
  papers: readonly Paper[],
  label: string,
  ask: Ask,
  onSent: (sent: number, total: number) => void = () => undefined,
): Promise<ImportSummary> {
  const { importId } = await ask('importBegin', { label });
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  try {
    for (let start = 0; start < papers.length; start += IMPORT_CHUNK_PAPERS) {
      const chunk = papers.slice(start, start + IMPORT_CHUNK_PAPERS);
      inFlight.push(
        ask('importChunk', { importId, papers: chunk }).then(() => {
          sent += chunk.length;
          onSent(sent, papers.length);
        }),
      );
      if (inFlight.length >= CHUNKS_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } catch (error) {
    // Nothing is committed; the other chunks' answers are waited for so none goes unheard.
    await Promise.allSettled(inFlight);
    throw error;
  }
  return ask('importCommit', { importId });
}
