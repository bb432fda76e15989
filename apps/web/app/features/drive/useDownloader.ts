import { useCallback } from 'react';
import { FILE_CHUNK_SIZE } from '@coffre/crypto';
import { safeDownloadName, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { downloadFile, fileChunks } from '../../keys/downloadFile.client.ts';
import { saveDownload } from '../../keys/saveDownload.client.ts';
import { currentVersionSource } from './currentVersionSource.ts';
import { useTransfers } from './TransferProvider.tsx';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/**
 * One version of a file. `save` (the default): streamed to disk through the
 * transfer panel, where it can be cancelled, resolving to null (a failure
 * is shown there). `save: false`: resolves to the verified Blob, for the
 * page's own use (previews, restores), and throws on failure.
 */
export function useDownloader() {
  const transfers = useTransfers();
  return useCallback(
    async (entry: FileEntry, opts: { version?: number; save?: boolean } = {}): Promise<Blob | null> => {
      const found = currentVersionSource(entry, opts.version);
      if (!found) return null;
      const { source, size } = found;
      if (opts.save === false) return downloadFile(source);
      const id = `down:${entry.id}:${source.version}:${Date.now()}`;
      const stop = new AbortController();
      transfers.add({ id, name: entry.title, direction: 'down', done: 0, total: size, state: 'running', cancel: () => stop.abort() });
      try {
        const chunks = fileChunks(source, { signal: stop.signal, onProgress: (n) => transfers.update(id, { done: Math.min(size, n * FILE_CHUNK_SIZE) }) });
        const outcome = await saveDownload(safeDownloadName(entry.title), chunks, { size, mime: entry.mime });
        transfers.update(id, outcome === 'cancelled' ? { state: 'cancelled', cancel: undefined } : { done: size, state: 'done', cancel: undefined });
      } catch (e) {
        transfers.update(id, stop.signal.aborted ? { state: 'cancelled', cancel: undefined } : { state: 'failed', error: errorMessage(e), cancel: undefined });
      }
      return null;
    },
    [transfers],
  );
}
