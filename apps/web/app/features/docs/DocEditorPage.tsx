import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { DocEditor } from './DocEditor.tsx';
import { useHomeFolder } from './HomeFolderProvider.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { userColor } from './userColor.ts';

/** Finds the document's key in the user's folder, opens the encrypted session, shows the editor. */
export default function DocEditorPage({ docId }: { docId: string }) {
  const folder = useHomeFolder();
  const entry = folder.entries.find((e) => e.id === docId) ?? null;
  const [open, setOpen] = useState<OpenDoc | null>(null);
  const account = getUnlockedAccount();
  const key = entry?.key;
  const epoch = entry?.epoch;
  const readOnly = entry?.role === 'viewer';

  useEffect(() => {
    if (!account || !key || !epoch) return;
    const handle = openEncryptedDoc({ account, docId, key, epoch, collabUrl: folder.collabUrl, canWrite: !readOnly });
    setOpen(handle);
    // Someone rotated the key: fetch the grant they sealed to us (it may lag the new snapshot a moment);
    // the new key in the folder entry reopens the document.
    let retry: ReturnType<typeof setInterval> | null = null;
    const check = () => {
      if (retry || !handle.session.keyOutdated) return;
      void folder.refreshGrants();
      retry = setInterval(() => void folder.refreshGrants(), 1500);
    };
    const offChange = handle.session.onChange(check);
    const meta = handle.session.envelope.getMap('meta');
    meta.observe(check);
    return () => {
      if (retry) clearInterval(retry);
      offChange();
      meta.unobserve(check);
      handle.close();
    };
  }, [account, docId, key, epoch, readOnly, folder.collabUrl]);

  if (!folder.ready) return <p className="muted">Decrypting your documents…</p>;
  if (!entry) {
    return (
      <div className="card">
        <h1>Document not found</h1>
        <p className="muted">It is not in your documents, or it was shared with you in a way this version cannot open yet.</p>
        <Link to="/docs">Back to your documents</Link>
      </div>
    );
  }
  if (!open) return <p className="muted">Opening…</p>;
  const canShare = !entry.role || entry.role === 'admin';
  return (
    <DocEditor
      open={open}
      readOnly={readOnly}
      user={{ name: account!.username, color: userColor(account!.userId) }}
      me={{ userId: account!.userId }}
      headerExtra={
        canShare && account ? (
          <ShareDialog account={account} docId={docId} epoch={entry.epoch} docKey={entry.key} open={open} onRotated={(e, k) => folder.setDocumentKey(docId, e, k)} />
        ) : null
      }
      onTitleChange={(title) => folder.renameDocument(docId, title)}
    />
  );
}
