import type { FileVersionRecord, Storage } from '@coffre/storage';
import { chunkBlobKey } from './chunkBlobKey.ts';

/** After the records are gone: give the bytes back, then delete the chunks (a crash in between leaves only unreachable blobs). */
export async function releaseFileVersions(storage: Storage, ownerId: string, versions: FileVersionRecord[]): Promise<void> {
  for (const v of versions) {
    await storage.quota.release(ownerId, v.size);
    for (let i = 0; i < v.chunkCount; i++) await storage.blobs.delete(chunkBlobKey(v.fileId, v.version, i));
  }
}
