import { useCallback } from 'react';
import { FILE_CHUNK_SIZE } from '@coffre/crypto';
import { safeDownloadName, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { downloadFile, saveBlob } from '../../keys/downloadFile.client.ts';
import { currentVersionSource } from './currentVersionSource.ts';
import { useTransfers } from './TransferProvider.tsx';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/** Downloads one version of a file through the transfer panel; resolves to the blob, or null after a failure shown there. */
export function useDownloader() {
  const transfers = useTransfers();
  return useCallback(
    async (entry: FileEntry, opts: { version?: number; save?: boolean } = {}): Promise<Blob | null> => {
      const found = currentVersionSource(entry, opts.version);
      if (!found) return null;
      const { source, size } = found;
      const id = `down:${entry.id}:${source.version}:${Date.now()}`;
      const save = opts.save ?? true;
      if (save) transfers.add({ id, name: entry.title, direction: 'down', done: 0, total: size, state: 'running' });
      try {
        const blob = await downloadFile(source, { onProgress: (n) => save && transfers.update(id, { done: Math.min(size, n * FILE_CHUNK_SIZE) }) });
        if (save) {
          transfers.update(id, { done: size, state: 'done' });
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
