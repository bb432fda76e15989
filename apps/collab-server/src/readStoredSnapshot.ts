import { DocError } from '@coffre/docs/wire';
import type { Storage } from '@coffre/storage';

/** The bytes of a stored snapshot. @throws DocError SNAPSHOT_INVALID when it is unknown or its blob is missing */
export async function readStoredSnapshot(storage: Storage, docId: string, snapshotId: string): Promise<Uint8Array> {
  const record = await storage.snapshots.get(docId, snapshotId);
  if (!record) throw new DocError('SNAPSHOT_INVALID', 'unknown snapshot');
  const stream = await storage.blobs.get(record.blobKey);
  if (!stream) throw new DocError('SNAPSHOT_INVALID', 'missing blob');
  const chunks: Uint8Array[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}
