import { useCallback } from 'react';
import { listFolderEntries } from '@coffre/docs';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import type { PickedFile } from './collectDroppedFiles.ts';
import { DriveFolderActions } from './DriveFolderActions.client.ts';
import { acquireFolder, childFolderRef, folderReady } from './folderSessions.client.ts';
import { useTransfers } from './TransferProvider.tsx';
import type { UploadFolder } from './uploadIntoFolder.client.ts';

export type ConflictChoice = 'replace' | 'keep-both' | 'skip';
export type AskConflict = (name: string) => Promise<{ choice: ConflictChoice; forAll: boolean }>;

/**
 * Uploads picked or dropped files (and folder trees) into a folder: makes
 * the sub-folders, asks what to do about names that exist, and puts each
 * file on the transfer panel.
 */
export function useUploader(askConflict: AskConflict, onFinished: () => void) {
  const transfers = useTransfers();
  return useCallback(
    async (into: UploadFolder, picked: PickedFile[]) => {
      const targets = new Map<string, UploadFolder>([['', into]]);
      const releases: Array<() => void> = [];
      const targetFor = async (folders: string[]): Promise<UploadFolder> => {
        let at = into;
        for (let depth = 1; depth <= folders.length; depth++) {
          const key = folders.slice(0, depth).join('/');
          let next = targets.get(key);
          if (!next) {
            const sub = await at.subfolder(folders[depth - 1]!);
            releases.push(sub.release);
            next = sub.folder;
            targets.set(key, next);
          }
          at = next;
        }
        return at;
      };
      let standing: ConflictChoice | null = null;
      const runs: Promise<boolean>[] = [];
      const active = new Set<Promise<boolean>>();
      try {
        for (const { file, folders } of picked) {
          const target = await targetFor(folders);
          const clash = target.entries().find((e) => !e.trashedAt && e.title === file.name);
          let choice: ConflictChoice = 'keep-both';
          if (clash) {
            if (standing) choice = standing;
            else {
              const answer = await askConflict(file.name);
              choice = answer.choice;
              if (answer.forAll) standing = choice;
            }
            if (choice === 'skip') continue;
          }
          const replaceId = clash && choice === 'replace' && clash.kind === 'file' ? clash.id : undefined;
          const { upload, finished } = target.startUpload(file, { replaceId });
          transfers.add({ id: `${upload.target.fileId}:${upload.target.version}`, name: [...folders, file.name].join('/'), direction: 'up', upload });
          const run: Promise<boolean> = finished.then((ok) => {
            active.delete(run);
            onFinished();
            return ok;
          });
          active.add(run);
          runs.push(run);
          // Two at a time keeps the connection busy while the next chunk is sealed.
          while (active.size >= 2) await Promise.race(active);
        }
        await Promise.allSettled(runs);
      } finally {
        for (const r of releases) r();
      }
    },
    [transfers, askConflict, onFinished],
  );
}

/** A member's open folder, to upload into: sub-folders for a folder tree are made and opened as the drive opens them. */
export function memberUploadFolder(actions: DriveFolderActions, account: UnlockedAccount, collabUrl: string): UploadFolder {
  return {
    folderId: actions.folderId,
    entries: () => listFolderEntries(actions.open.session.doc),
    startUpload: (file, opts) => actions.startUpload(file, opts),
    async subfolder(name) {
      const entry = await actions.ensureFolder(name);
      const held = acquireFolder(account, collabUrl, childFolderRef(entry, actions.folderId, false));
      try {
        await folderReady(held.open);
      } catch (e) {
        held.release();
        throw e;
      }
      return { folder: memberUploadFolder(new DriveFolderActions(entry.id, held.open, { key: entry.key, epoch: entry.epoch }, account), account, collabUrl), release: held.release };
    },
  };
}
