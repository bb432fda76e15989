import { useCallback } from 'react';
import { safeDownloadName, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { saveDownload } from '../../keys/saveDownload.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { zipFiles } from '../../keys/zipFiles.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { collectZipMembers, type ZipWalk } from './collectZipMembers.client.ts';
import { useTransfers } from './TransferProvider.tsx';

const WALK_FAILURES: Record<Extract<ZipWalk, { ok: false }>['reason'], (folder: string) => string> = {
  FOLDER_DENIED: (folder) => `You no longer have access to the folder “${folder}”. Nothing was saved.`,
  TOO_MANY_FOLDERS: () => 'There are too many folders to put in one archive. Download smaller parts. Nothing was saved.',
};

/**
 * Downloads entries (files, and folders with everything in them) as one
 * .zip named `name`, with its progress on the transfer panel. Files are
 * decrypted here, one after the other, and the archive streams to disk; if
 * any fails, nothing is saved.
 */
export function useZipDownloader() {
  const transfers = useTransfers();
  const home = useHomeFolder();
  return useCallback(
    async (entries: FolderEntry[], name: string, opts: { viewer: boolean }): Promise<void> => {
      const account = getUnlockedAccount();
      if (!account) return;
      const fileName = safeDownloadName(`${name}.zip`);
      const id = `zip:${Date.now()}:${Math.random()}`;
      const stop = new AbortController();
      transfers.add({ id, name: fileName, direction: 'down', done: 0, total: 0, state: 'running', cancel: () => stop.abort() });
      try {
        const walk = await collectZipMembers(entries, { account, collabUrl: home.collabUrl, viewer: opts.viewer });
        if (!walk.ok) return transfers.update(id, { state: 'failed', error: WALK_FAILURES[walk.reason](walk.folder) });
        if (walk.members.length === 0) return transfers.update(id, { state: 'failed', error: 'Documents cannot be put in an archive yet, and there is nothing else to download.' });
        transfers.update(id, { total: walk.bytes });
        const zip = zipFiles(walk.members, { signal: stop.signal, onProgress: (done) => transfers.update(id, { done }) });
        const outcome = await saveDownload(fileName, zip, { mime: 'application/zip' });
        transfers.update(id, outcome === 'cancelled' ? { state: 'cancelled', cancel: undefined } : { done: walk.bytes, state: 'done', cancel: undefined });
      } catch (e) {
        transfers.update(id, stop.signal.aborted ? { state: 'cancelled', cancel: undefined } : { state: 'failed', error: errorMessage(e), cancel: undefined });
      }
    },
    [transfers, home.collabUrl],
  );
}
