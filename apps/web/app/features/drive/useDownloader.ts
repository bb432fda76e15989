import { useCallback } from 'react';
import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { safeDownloadName, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { downloadFile, saveBlob } from '../../keys/downloadFile.client.ts';
import { useTransfers } from './TransferProvider.tsx';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/** Downloads one version of a file through the transfer panel; resolves to the blob, or null after a failure shown there. */
export function useDownloader() {
  const transfers = useTransfers();
  return useCallback(
    async (entry: FileEntry, opts: { version?: number; save?: boolean } = {}): Promise<Blob | null> => {
      const v = entry.versions.find((x) => x.version === (opts.version ?? Math.max(...entry.versions.map((y) => y.version))));
      if (!v) return null;
      const id = `down:${entry.id}:${v.version}:${Date.now()}`;
      const save = opts.save ?? true;
      if (save) transfers.add({ id, name: entry.title, direction: 'down', done: 0, total: v.size, state: 'running' });
      try {
        const blob = await downloadFile(
          { fileId: entry.id, version: v.version, chunkCount: v.chunkCount, key: asSymmetricKey(fromBase64Url(entry.key)), mime: entry.mime },
          { onProgress: (n) => save && transfers.update(id, { done: Math.min(v.size, n * 4 * 1024 * 1024) }) },
        );
        if (save) {
          transfers.update(id, { done: v.size, state: 'done' });
          saveBlob(blob, safeDownloadName(entry.title));
        }
        return blob;
      } catch (e) {
        if (save) transfers.update(id, { state: 'failed', error: errorMessage(e) });
        else throw e;
        return null;
      }
    },
    [transfers],
  );
}
