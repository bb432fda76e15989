import { useEffect, useRef, useState } from 'react';
import { updateFolderEntry, type FolderEntry } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { ShareDialog } from '../docs/ShareDialog.tsx';
import { entryWriteKeys, rotatedEntryPatch } from '../../keys/writeKeys.client.ts';
import { acquireFolder } from './folderSessions.client.ts';

/** Share a folder or document from the drive; holds the item open so a removal can rotate its key. */
export function ShareEntryDialog({ entry, parent, onClose }: { entry: FolderEntry; parent: OpenDoc; onClose(): void }) {
  const home = useHomeFolder();
  const account = getUnlockedAccount();
  const [item, setItem] = useState<OpenDoc | null>(null);
  // Opened with the key the dialog started with, and kept across a rotation: the session switches to the new key
  // itself, and a removal goes on writing into it (the new keys of what is inside a folder) after its entry changed.
  const first = useRef({ key: entry.key, epoch: entry.epoch, ...(entry.kind !== 'file' && entryWriteKeys(entry, parent.session.docId)) });
  useEffect(() => {
    if (!account) return;
    const held = acquireFolder(account, home.collabUrl, { id: entry.id, ...first.current, canWrite: true });
    setItem(held.open);
    return held.release;
  }, [account, home.collabUrl, entry.id]);
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
      writer={entry.writer}
      onRotated={(rotated) => {
        updateFolderEntry(parent.session.doc, entry.id, rotatedEntryPatch(entry.id, rotated, parent.session.docId));
        parent.session.flush();
      }}
    />
  );
}
