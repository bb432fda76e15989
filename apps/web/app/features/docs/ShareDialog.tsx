import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFetch } from '../../api/apiFetch.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { shareDocument, type Role } from '../../keys/shareDocument.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { rotateDocumentKey } from '../../keys/rotateDocumentKey.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';

type Member = { userId: string; username: string; role: Role; owner: boolean };

/** Share a document with people by username: the key is sealed to them in this browser. */
export function ShareDialog({
  account,
  docId,
  epoch,
  docKey,
  open,
  onRotated,
}: {
  account: UnlockedAccount;
  docId: string;
  epoch: number;
  docKey: string;
  open: OpenDoc;
  onRotated(epoch: number, key: string): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [members, setMembers] = useState<Member[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    apiFetch<Member[]>(`/docs/${encodeURIComponent(docId)}/members`).then(setMembers, (e) => setStatus({ ok: false, text: errorMessage(e) }));
  }, [docId]);
  useEffect(load, [load]);

  async function handleShare(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      await shareDocument({ account, docId, epoch, key: docKey, username, role });
      setStatus({ ok: true, text: `Shared with ${username.trim().toLowerCase()} as ${role}.` });
      setUsername('');
      load();
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  /** Removing someone also rotates the key, so they cannot read what is written next. */
  async function handleRemove(m: Member) {
    setBusy(true);
    setStatus(null);
    try {
      await apiFetch(`/docs/${encodeURIComponent(docId)}/members/${encodeURIComponent(m.userId)}/remove`, {});
      const rotated = await rotateDocumentKey({ account, open, docId, epoch });
      if (rotated) {
        onRotated(rotated.epoch, rotated.key);
        setStatus({ ok: true, text: `${m.username} was removed and the document has a new key.` });
      } else {
        setStatus({ ok: false, text: `${m.username} was removed, but changing the key failed. Remove them again to retry.` });
      }
      load();
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="secondary share-button" onClick={() => dialog.current?.showModal()}>Share</button>
      <dialog ref={dialog} className="dialog" aria-labelledby="share-title">
        <h2 id="share-title">Share this document</h2>
        <p className="muted small">The document key is sealed to each person's public key in your browser. The server never sees it.</p>
        <form onSubmit={handleShare} className="share-form">
          <input aria-label="Username to share with" placeholder="Username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="viewer">Can view</option>
            <option value="editor">Can edit</option>
            <option value="admin">Can edit and share</option>
          </select>
          <button type="submit" disabled={busy}>{busy ? 'Sharing…' : 'Share'}</button>
        </form>
        {status && <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'success' : 'error'}>{status.text}</p>}
        <ul className="members" aria-label="People with access">
          {members.map((m) => (
            <li key={m.userId}>
              <span>{m.username}{m.userId === account.userId ? ' (you)' : ''}</span>
              <span className="muted small">{m.owner ? 'Owner' : m.role}</span>
              {!m.owner && m.userId !== account.userId && (
                <button type="button" className="ghost" disabled={busy} onClick={() => handleRemove(m)}>Remove</button>
              )}
            </li>
          ))}
        </ul>
        <form method="dialog">
          <button type="submit" className="secondary">Done</button>
        </form>
      </dialog>
    </>
  );
}
