import { useEffect, useState } from 'react';
import { toBase64Url } from '@coffre/crypto';
import { getFolderEntry, type FolderEntry } from '@coffre/docs';
import { rootFolderKeys } from '../../keys/rootFolderId.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { acquireFolder, childFolderRef, folderReady } from './folderSessions.client.ts';

export type FolderLevel = {
  id: string;
  title: string;
  open: OpenDoc;
  /** The folder's own key and epoch (from its parent's entry; the root's from the master key). */
  key: string;
  epoch: number;
  /** The role given by whoever shared the top-most shared folder on the way; null: my own. */
  role: FolderEntry['role'] | null;
};

export type FolderPath = { levels: FolderLevel[]; error: string | null; loading: boolean };

/**
 * Opens the chain of folder documents from my root down `ids`, each with the
 * key its parent's (encrypted, signed) entry holds. Nothing about the path is
 * taken from the server.
 */
export function useFolderPath(ids: string[]): FolderPath {
  const home = useHomeFolder();
  const key = ids.join('/');
  const [state, setState] = useState<FolderPath>({ levels: [], error: null, loading: true });

  useEffect(() => {
    const account = getUnlockedAccount();
    if (!home.root || !account) return;
    let cancelled = false;
    const releases: Array<() => void> = [];
    const root: FolderLevel = { id: home.rootId!, title: 'My drive', open: home.root, key: toBase64Url(rootFolderKeys(account.masterKey).key), epoch: 1, role: null };
    void (async () => {
      const levels = [root];
      try {
        for (const id of ids) {
          const parent = levels[levels.length - 1]!;
          await folderReady(parent.open);
          if (cancelled) return;
          const entry = getFolderEntry(parent.open.session.doc, id);
          if (!entry || entry.kind !== 'folder') throw new Error('This folder is not there any more: it was moved or deleted, or you lost access.');
          const role = parent.role ?? entry.role ?? null;
          const held = acquireFolder(account, home.collabUrl, childFolderRef(entry, parent.id, role === 'viewer'));
          releases.push(held.release);
          levels.push({ id, title: entry.title, open: held.open, key: entry.key, epoch: entry.epoch, role });
        }
        await folderReady(levels[levels.length - 1]!.open);
        if (!cancelled) setState({ levels, error: null, loading: false });
      } catch (e) {
        if (!cancelled) setState({ levels, error: e instanceof Error ? e.message : 'This folder could not be opened.', loading: false });
      }
    })();
    setState((s) => ({ ...s, loading: true }));
    return () => {
      cancelled = true;
      for (const r of releases) r();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [home.root, key]);

  return state;
}
