import { useEffect, useState } from 'react';
import { toBase64Url } from '@coffre/crypto';
import { folderEntries, listFolderEntries, type FolderEntry } from '@coffre/docs';
import { rootFolderKeys } from '../../keys/rootFolderId.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { acquireFolder, folderReady } from './folderSessions.client.ts';

export type TrashedItem = { entry: FolderEntry; folderId: string; folderTitle: string; folderKey: string; folderEpoch: number; open: OpenDoc; viewer: boolean };

/** Folders walked at most, so a huge drive cannot stall the trash view. */
const MAX_FOLDERS_WALKED = 500;

/**
 * Everything in the trash, across my drive: walks my folder tree (the
 * server cannot list it: names and structure are inside the folders) and
 * keeps each folder open so the list stays live.
 */
export function useTrashedEntries(): { items: TrashedItem[]; loading: boolean } {
  const home = useHomeFolder();
  const [items, setItems] = useState<TrashedItem[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const account = getUnlockedAccount();
    if (!home.root || !home.rootId || !account) return;
    let cancelled = false;
    const releases: Array<() => void> = [];
    const folders: Array<{ id: string; title: string; key: string; epoch: number; open: OpenDoc; viewer: boolean }> = [];
    const refresh = () => {
      const out: TrashedItem[] = [];
      for (const f of folders) for (const e of listFolderEntries(f.open.session.doc)) if (e.trashedAt) out.push({ entry: e, folderId: f.id, folderTitle: f.title, folderKey: f.key, folderEpoch: f.epoch, open: f.open, viewer: f.viewer });
      if (!cancelled) setItems(out.sort((a, b) => (b.entry.trashedAt ?? 0) - (a.entry.trashedAt ?? 0)));
    };
    const observers: Array<() => void> = [];
    void (async () => {
      const queue = [{ id: home.rootId!, title: 'My drive', key: toBase64Url(rootFolderKeys(account.masterKey).key), epoch: 1, open: home.root!, viewer: false }];
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
          const held = acquireFolder(account, home.collabUrl, { id: e.id, key: e.key, epoch: e.epoch, canWrite: !viewer });
          releases.push(held.release);
          queue.push({ id: e.id, title: e.title, key: e.key, epoch: e.epoch, open: held.open, viewer });
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
