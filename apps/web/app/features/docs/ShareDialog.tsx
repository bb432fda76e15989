import { useCallback, useEffect, useRef, useState } from 'react';
import type { GrantItemKind } from '@coffre/crypto';
import { apiFetch } from '../../api/apiFetch.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { AccountError } from '../../keys/AccountError.ts';
import { shareDocument, type Role } from '../../keys/shareDocument.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { rotateAttachedRoom } from '../../keys/rotateAttachedRoom.client.ts';
import { rotateDocumentKey } from '../../keys/rotateDocumentKey.client.ts';
import { refreshLinkAuthors, resealLinks } from '../../keys/resealLinks.client.ts';
import { rotateFolderContents } from '../../keys/rotateFolderContents.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import type { RotatedKeys } from '../../keys/writeKeys.client.ts';
import { rememberedLinks } from '../links/linkBook.ts';
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
  writer,
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
  /** The item's public write key, from its entry (ADR 0016): grants carry it, and the write key to editors. */
  writer?: string;
  open: OpenDoc;
  /** After a removal: the item's new keys, to file in its entry (rotatedEntryPatch). */
  onRotated(rotated: RotatedKeys): void;
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
  const [retry, setRetry] = useState<(() => Promise<void>) | null>(null);
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
      await shareDocument({ account, docId, epoch, key: docKey, kind, name, username, role, writer });
      let shared = `Shared with ${username.trim().toLowerCase()} as ${role}.`;
      setUsername('');
      load();
      // My links to a room or folder name its people: the newcomer too, with the key I just pinned (ADR 0018).
      if ((kind === 'chat' || kind === 'folder') && folder.root) {
        const r = await refreshLinkAuthors(rememberedLinks(folder.root.session.doc).values(), docId, account).catch(() => ({ resealed: 0, failed: 1 }));
        if (r.failed > 0) shared += ' Some of your links to it could not be updated to name them: visitors will look their keys up through the link instead.';
      }
      setStatus({ ok: true, text: shared });
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
      await shareDocument({ account, docId, epoch, key: docKey, kind, name, username: m.username, role: next, writer });
      setStatus({ ok: true, text: `${m.username} now ${next === 'viewer' ? 'can view' : next === 'editor' ? 'can edit' : 'can edit and share'}.` });
      load();
      // They kept the write key they held: a new one, sealed to the editors only, takes writing away for good (ADR 0016).
      if (next === 'viewer' && writer) await rotateAfterRemoval(m.username, true, 'can only view now');
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  /** Removing someone also rotates the key, so they cannot read what is written next; for a folder, of everything inside too. */
  async function handleRemove(m: Member) {
    setBusy(true);
    setStatus(null);
    try {
      await apiFetch(`/docs/${encodeURIComponent(docId)}/members/${encodeURIComponent(m.userId)}/remove`, {});
      await rotateAfterRemoval(m.username, true);
      load();
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  /** The key changes after a removal; what fails can be tried again (`retry`), the item's own key only if it is still the old one. */
  async function rotateAfterRemoval(username: string, itemToo: boolean, change = 'was removed'): Promise<void> {
    setRetry(null);
    const what = kind === 'folder' ? 'folder' : 'document';
    // The links I made keep working: re-sealed with each new key.
    const links = folder.root ? [...rememberedLinks(folder.root.session.doc).values()] : [];
    const reseal = { resealed: 0, failed: 0 };
    const resealFor = async (itemId: string, rotated: RotatedKeys) => {
      const r = await resealLinks(links, itemId, rotated);
      reseal.resealed += r.resealed;
      reseal.failed += r.failed;
    };
    if (itemToo) {
      const rotated = await rotateDocumentKey({ account, open, docId, epoch, kind, name });
      if (!rotated) {
        setStatus({ ok: false, text: `${username} ${change}, but changing the key failed.` });
        setRetry(() => () => rotateAfterRemoval(username, true, change));
        return;
      }
      onRotated(rotated);
      await resealFor(docId, rotated);
    }
    // The item's chat follows it: a fresh key, kept inside the item under its new key.
    const failed = (await rotateAttachedRoom({ account, parent: open, collabUrl: folder.collabUrl })) ? [] : ['its chat'];
    let inside = 0;
    if (kind === 'folder') {
      const progress = (done: number, total: number) => setStatus({ ok: true, text: `${username} ${change}. Changing the keys of what is inside… ${done} of ${total}` });
      progress(0, 1);
      const contents = await rotateFolderContents({ account, folder: open, collabUrl: folder.collabUrl, onProgress: progress, onRotated: resealFor });
      inside = contents.rotated;
      failed.push(...contents.failed);
    }
    const keys = inside
      ? `${username} ${change} and the ${what} and ${inside} item${inside === 1 ? '' : 's'} inside it have new keys.`
      : `${username} ${change} and the ${what} has a new key.`;
    const done = [
      keys,
      reseal.resealed > 0 && `Your ${reseal.resealed === 1 ? 'link keeps' : `${reseal.resealed} links keep`} working with it.`,
      reseal.failed > 0 && `${reseal.failed === 1 ? 'One link' : `${reseal.failed} links`} could not take the new key and ${reseal.failed === 1 ? 'shows' : 'show'} only what was there before: make ${reseal.failed === 1 ? 'it' : 'them'} again.`,
    ]
      .filter(Boolean)
      .join(' ');
    if (failed.length === 0) return setStatus({ ok: true, text: done });
    setStatus({ ok: false, text: `${done} These could not get a new key, so ${username} could still read what is written there if the server gave it to them: ${failed.join(', ')}.` });
    setRetry(() => () => rotateAfterRemoval(username, false, change));
  }

  async function handleRetry() {
    if (!retry) return;
    setBusy(true);
    try {
      await retry();
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
        {retry && !busy && <button type="button" className="secondary" onClick={() => void handleRetry()}>Try changing the keys again</button>}
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
