import { useEffect, useState } from 'react';
import { toBase64Url } from '@coffre/crypto';
import { folderEntries, listFolderEntries, type FolderEntry } from '@coffre/docs';
import { rootFolderKeys } from '../../keys/rootFolderId.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { acquireFolder, childFolderRef, folderReady } from './folderSessions.client.ts';

/** An entry of my drive with the folder it sits in (and that folder's path of ids from my root). */
export type DriveItem = { entry: FolderEntry; folderId: string; folderTitle: string; folderKey: string; folderEpoch: number; folderPath: string[]; open: OpenDoc; viewer: boolean };

/** Folders walked at most, so a huge drive cannot stall a view. */
const MAX_FOLDERS_WALKED = 500;

/**
 * Every entry across my drive, for views that span folders (trash, shared by
 * me): walks my folder tree in the browser (the server cannot list it: names
 * and structure are inside the folders) and keeps each folder open so the
 * list stays live. Trashed folders are listed but not entered.
 */
export function useDriveWalk(): { items: DriveItem[]; loading: boolean } {
  const home = useHomeFolder();
  const [items, setItems] = useState<DriveItem[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const account = getUnlockedAccount();
    if (!home.root || !home.rootId || !account) return;
    let cancelled = false;
    const releases: Array<() => void> = [];
    const folders: Array<{ id: string; title: string; key: string; epoch: number; path: string[]; open: OpenDoc; viewer: boolean }> = [];
    const refresh = () => {
      const out: DriveItem[] = [];
      for (const f of folders) for (const e of listFolderEntries(f.open.session.doc)) out.push({ entry: e, folderId: f.id, folderTitle: f.title, folderKey: f.key, folderEpoch: f.epoch, folderPath: f.path, open: f.open, viewer: f.viewer });
      if (!cancelled) setItems(out);
    };
    const observers: Array<() => void> = [];
    void (async () => {
      const queue = [{ id: home.rootId!, title: 'My drive', key: toBase64Url(rootFolderKeys(account.masterKey).key), epoch: 1, path: [] as string[], open: home.root!, viewer: false }];
      while (queue.length && folders.length < MAX_FOLDERS_WALKED && !cancelled) {
        const f = queue.shift()!;
        await folderReady(f.open).catch(() => undefined);
        folders.push(f);
        const map = folderEntries(f.open.session.doc);
        map.observeDeep(refresh);
        observers.push(() => map.unobserveDeep(refresh));
        for (const e of listFolderEntries(f.open.session.doc)) {
          if (e.kind !== 'folder' || e.trashedAt) continue;
          const viewer = f.viewer || e.role === 'viewer';
          const held = acquireFolder(account, home.collabUrl, childFolderRef(e, f.id, viewer));
          releases.push(held.release);
          queue.push({ id: e.id, title: e.title, key: e.key, epoch: e.epoch, path: [...f.path, e.id], open: held.open, viewer });
        }
        refresh();
      }
      if (!cancelled) setLoading(false);
    })();
    return () => {
      cancelled = true;
      observers.forEach((o) => o());
      releases.forEach((r) => r());
    };
  }, [home.root, home.rootId, home.collabUrl]);

  return { items, loading };
}
