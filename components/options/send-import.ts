/**
 * Sending an imported file's papers to the worker. Owns: cutting them into messages the
 * protocol accepts and reporting how far it got. Never: writes the database itself (the worker
 * is the only writer of papers), or leaves an import open after a failure.
 */
import type { ProtocolMap } from '../../lib/protocol/messages';
import type { Paper } from '../../lib/digest/schema';
import type { ImportSummary } from '../../lib/sources/digest-jobs';

export const IMPORT_CHUNK = 2_000;

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
  for (let start = 0; start < papers.length; start += IMPORT_CHUNK) {
    await ask('importChunk', { importId, papers: papers.slice(start, start + IMPORT_CHUNK) });
    onSent(Math.min(start + IMPORT_CHUNK, papers.length), papers.length);
  }
  return ask('importCommit', { importId });
}
