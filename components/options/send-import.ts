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

export async function sendImport(
  papers: readonly Paper[],
  label: string,
  ask: Ask,
  onSent: (sent: number, total: number) => void = () => undefined,
): Promise<ImportSummary> {
  const { importId } = await ask('importBegin', { label });
  for (let start = 0; start < papers.length; start += IMPORT_CHUNK_PAPERS) {
    await ask('importChunk', {
      importId,
      papers: papers.slice(start, start + IMPORT_CHUNK_PAPERS),
    });
    onSent(Math.min(start + IMPORT_CHUNK_PAPERS, papers.length), papers.length);
  }
  return ask('importCommit', { importId });
}
