import { useEffect, useState } from 'react';
import { updateFolderEntry, type FolderEntry } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { ShareDialog } from '../docs/ShareDialog.tsx';
import { acquireFolder } from './folderSessions.client.ts';

/** Share a folder or document from the drive; holds the item open so a removal can rotate its key. */
export function ShareEntryDialog({ entry, parent, onClose }: { entry: FolderEntry; parent: OpenDoc; onClose(): void }) {
  const home = useHomeFolder();
  const account = getUnlockedAccount();
  const [item, setItem] = useState<OpenDoc | null>(null);
  useEffect(() => {
    if (!account) return;
    const held = acquireFolder(account, home.collabUrl, { id: entry.id, key: entry.key, epoch: entry.epoch, canWrite: true });
    setItem(held.open);
    return held.release;
  }, [account, home.collabUrl, entry.id, entry.key, entry.epoch]);
  if (!account || !item || entry.kind === 'file') return null;
  return (
    <ShareDialog
      account={account}
      docId={entry.id}
      epoch={entry.epoch}
      docKey={entry.key}
      kind={entry.kind}
      name={entry.title}
      open={item}
      autoOpen
      onClose={onClose}
      onRotated={(epoch, key) => {
        updateFolderEntry(parent.session.doc, entry.id, { epoch, key, modified: Date.now() });
        parent.session.flush();
      }}
    />
  );
}
