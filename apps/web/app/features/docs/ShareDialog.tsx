import { useCallback, useEffect, useRef, useState } from 'react';
import type { GrantItemKind } from '@coffre/crypto';
import { apiFetch } from '../../api/apiFetch.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { AccountError } from '../../keys/AccountError.ts';
import { shareDocument, type Role } from '../../keys/shareDocument.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { rotateAttachedRoom } from '../../keys/rotateAttachedRoom.client.ts';
import { rotateDocumentKey } from '../../keys/rotateDocumentKey.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from './HomeFolderProvider.tsx';
import { SafetyNumberPanel } from './SafetyNumberPanel.tsx';

type Member = { userId: string; username: string; role: Role; owner: boolean };

/**
 * Share a document or folder with people by username: the key (and the
 * item's name and kind) is sealed to them in this browser. `autoOpen` shows
 * it at once without its own button (the drive opens it from a menu).
 */
export function ShareDialog({
  account,
  docId,
  epoch,
  docKey,
  kind,
  name,
  open,
  onRotated,
  autoOpen,
  onClose,
}: {
  account: UnlockedAccount;
  docId: string;
  epoch: number;
  docKey: string;
  kind: GrantItemKind;
  name: string;
  open: OpenDoc;
  onRotated(epoch: number, key: string): void;
  autoOpen?: boolean;
  onClose?(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (autoOpen) dialog.current?.showModal();
  }, [autoOpen]);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [members, setMembers] = useState<Member[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const folder = useHomeFolder();
  const [verify, setVerify] = useState<{ username: string; changed: boolean } | null>(null);

  const load = useCallback(() => {
    apiFetch<Member[]>(`/docs/${encodeURIComponent(docId)}/members`).then(setMembers, (e) => setStatus({ ok: false, text: errorMessage(e) }));
  }, [docId]);
  useEffect(load, [load]);

  async function handleShare(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      await shareDocument({ account, docId, epoch, key: docKey, kind, name, username, role });
      setStatus({ ok: true, text: `Shared with ${username.trim().toLowerCase()} as ${role}.` });
      setUsername('');
      load();
    } catch (err) {
      if (err instanceof AccountError && err.code === 'CONTACT_KEY_CHANGED') setVerify({ username: username.trim().toLowerCase(), changed: true });
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  /** A new role needs a new grant (the role is signed into it); the server applies it to open connections within seconds. */
  async function handleRole(m: Member, next: Role) {
    if (next === m.role) return;
    setBusy(true);
    setStatus(null);
    try {
      await shareDocument({ account, docId, epoch, key: docKey, kind, name, username: m.username, role: next });
      setStatus({ ok: true, text: `${m.username} now ${next === 'viewer' ? 'can view' : next === 'editor' ? 'can edit' : 'can edit and share'}.` });
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
      const rotated = await rotateDocumentKey({ account, open, docId, epoch, kind, name });
      // The item's chat follows it: a fresh key, kept inside the item under its new key.
      const chatRotated = rotated ? await rotateAttachedRoom({ account, parent: open, collabUrl: folder.collabUrl }) : false;
      if (rotated && !chatRotated) {
        onRotated(rotated.epoch, rotated.key);
        setStatus({ ok: false, text: `${m.username} was removed and the ${kind === 'folder' ? 'folder' : 'document'} has a new key, but its chat's key could not be changed. Remove them again to retry.` });
      } else if (rotated) {
        onRotated(rotated.epoch, rotated.key);
        setStatus({ ok: true, text: `${m.username} was removed and the ${kind === 'folder' ? 'folder' : 'document'} has a new key.` });
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
      {!autoOpen && <button type="button" className="secondary share-button" onClick={() => dialog.current?.showModal()}>Share</button>}
      <dialog ref={dialog} className="dialog" aria-labelledby="share-title" onClose={onClose}>
        <h2 id="share-title">Share {kind === 'folder' ? 'this folder' : 'this document'}</h2>
        <p className="muted small">
          {kind === 'folder' ? 'People you add can open everything in this folder. ' : ''}The key is sealed to each person's public key in your browser. The server never sees it.
        </p>
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
        {verify && (
          <SafetyNumberPanel
            key={verify.username}
            mine={account.identity.signing.publicKey}
            username={verify.username}
            changed={verify.changed}
            onClose={() => setVerify(null)}
            onTrusted={() => {
              setVerify(null);
              setStatus({ ok: true, text: `You now trust ${verify.username}'s new keys on this device. Share again.` });
            }}
          />
        )}
        <ul className="members" aria-label="People with access">
          {members.map((m) => (
            <li key={m.userId}>
              <span>{m.username}{m.userId === account.userId ? ' (you)' : ''}</span>
              {m.owner || m.userId === account.userId ? (
                <span className="muted small">{m.owner ? 'Owner' : m.role}</span>
              ) : (
                <select aria-label={`Role of ${m.username}`} value={m.role} disabled={busy} onChange={(e) => void handleRole(m, e.target.value as Role)}>
                  <option value="viewer">Can view</option>
                  <option value="editor">Can edit</option>
                  <option value="admin">Can edit and share</option>
                </select>
              )}
              {m.userId !== account.userId && (
                <button type="button" className="ghost" onClick={() => setVerify({ username: m.username, changed: false })}>Safety number</button>
              )}
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
