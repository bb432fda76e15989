import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { fileVersionKey, type FolderEntry } from '@coffre/docs';
import type { DownloadSource } from '../../keys/downloadFile.client.ts';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/**
 * Where to fetch one version of a file (the current one unless `version` is
 * given), what it must hash to, and its plaintext size; null if there is no
 * such version. Everything comes from the signed, encrypted folder entry.
 */
export function currentVersionSource(entry: FileEntry, version?: number, via?: DownloadSource['via']): { source: DownloadSource; size: number } | null {
  const wanted = version ?? Math.max(...entry.versions.map((v) => v.version));
  const v = entry.versions.find((x) => x.version === wanted);
  if (!v) return null;
  const source: DownloadSource = {
    fileId: entry.id,
    version: v.version,
    chunkCount: v.chunkCount,
    key: asSymmetricKey(fromBase64Url(fileVersionKey(entry, v))),
    mime: entry.mime,
    ...(v.digest !== undefined && { digest: v.digest }),
    ...(via && { via }),
  };
  return { source, size: v.size };
}
