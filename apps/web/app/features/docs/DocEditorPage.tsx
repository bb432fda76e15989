import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { updateFolderEntry } from '@coffre/docs';
import { useFolderEntries } from '../drive/useFolderEntries.ts';
import { recordRecent } from '../drive/recentBook.ts';
import { useFolderPath } from '../drive/useFolderPath.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { DocEditor } from './DocEditor.tsx';
import { useHomeFolder } from './HomeFolderProvider.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { userColor } from './userColor.ts';

const FOLDER_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Finds the document's key in the folder it sits in (`?in=` names the folder
 * path from my root), opens the encrypted session, shows the editor.
 */
export default function DocEditorPage({ docId }: { docId: string }) {
  const folder = useHomeFolder();
  const [params] = useSearchParams();
  const pathIds = (params.get('in') ?? '').split('.').filter((id) => FOLDER_ID.test(id));
  const path = useFolderPath(pathIds);
  const parent = path.levels.length === pathIds.length + 1 ? path.levels[path.levels.length - 1]! : null;
  const entries = useFolderEntries(parent?.open);
  const entry = entries.find((e) => e.id === docId && e.kind === 'doc') ?? null;
  const [open, setOpen] = useState<OpenDoc | null>(null);
  const account = getUnlockedAccount();
  const key = entry?.key;
  const epoch = entry?.epoch;
  const role = parent?.role ?? entry?.role;
  const readOnly = role === 'viewer';
  const parentDoc = parent?.open.session.doc;

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

  const rootDoc = folder.root?.session.doc;
  const entryTitle = entry?.title;
  const where = pathIds.join('.');
  useEffect(() => {
    if (rootDoc && entryTitle !== undefined) recordRecent(rootDoc, { id: docId, kind: 'doc', title: entryTitle, pathIds: where ? where.split('.') : [], openedAt: Date.now() });
  }, [rootDoc, docId, entryTitle, where]);

  if (!folder.ready || (path.loading && !path.error)) return <p className="muted">Decrypting your documents…</p>;
  if (!entry) {
    return (
      <div className="card">
        <h1>Document not found</h1>
        <p className="muted">It is not in your documents, or it was shared with you in a way this version cannot open yet.</p>
        <Link to="/drive">Back to your drive</Link>
      </div>
    );
  }
  if (!open) return <p className="muted">Opening…</p>;
  const canShare = !role || role === 'admin';
  return (
    <DocEditor
      docId={docId}
      open={open}
      readOnly={readOnly}
      user={{ name: account!.username, color: userColor(account!.userId) }}
      me={{ userId: account!.userId }}
      headerExtra={
        canShare && account ? (
          <ShareDialog account={account} docId={docId} epoch={entry.epoch} docKey={entry.key} kind="doc" name={entry.title} open={open} onRotated={(e, k) => parentDoc && updateFolderEntry(parentDoc, docId, { epoch: e, key: k, modified: Date.now() })} />
        ) : null
      }
      onTitleChange={(title) => parentDoc && updateFolderEntry(parentDoc, docId, { title, modified: Date.now() })}
    />
  );
}
