import { LIMITS } from './limits.ts';
import { releaseFileVersions } from './releaseFileVersions.server.ts';
import type { Services } from './Services.ts';

const BATCH = 100;

/**
 * Uploads nobody finished within `ABANDONED_UPLOAD_MS` (closed tab, lost
 * device) give their reserved space back: the version and its chunks go,
 * and a file left with no version at all goes too. Resolves to how many
 * versions were removed.
 */
export async function sweepAbandonedUploads(services: Services): Promise<number> {
  const { storage } = services;
  const stale = await storage.files.listStaleUploads(services.now() - LIMITS.ABANDONED_UPLOAD_MS, BATCH);
  for (const v of stale) {
    const file = await storage.files.get(v.fileId);
    const removed = await storage.files.deleteVersion(v.fileId, v.version);
    if (!file || !removed) continue;
    await releaseFileVersions(storage, file.ownerId, [removed]);
    if ((await storage.files.listVersions(v.fileId)).length === 0) await storage.files.delete(v.fileId);
  }
  if (stale.length) services.log.info('uploads.swept', { versions: stale.length });
  return stale.length;
}
