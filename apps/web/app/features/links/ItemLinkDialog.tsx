import { useCallback, useEffect, useState } from 'react';
import { toBase64Url } from '@coffre/crypto';
import { fileVersionKey, type FolderEntry } from '@coffre/docs';
import { apiFetch } from '../../api/apiFetch.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { stopLink } from './stopLink.ts';
import { createLink } from '../../keys/createLink.client.ts';
import type { LinkPayload } from '../../keys/linkPayload.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { linkDirectory } from '../../keys/linkDirectory.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { entryWriteKeys } from '../../keys/writeKeys.client.ts';
import { rememberLink, rememberedLinks } from './linkBook.ts';

type LinkInfo = { linkId: string; role: 'viewer' | 'editor'; expiresAt: number | null; createdAt: number; expired: boolean; hasPassword: boolean };

/**
 * View links for a file, folder, document, spreadsheet or calendar, and edit
 * links for all but files: optional password and
 * expiry; the address is shown once, here, because only this browser ever
 * knows its secret. Existing links can be stopped.
 */
/** `parentId`: the folder holding the entry, whose write key opens the item's for an edit link (ADR 0016). */
export function ItemLinkDialog({ entry, parentId, onClose }: { entry: FolderEntry; parentId?: string; onClose(): void }) {
  const home = useHomeFolder();
  const rootDoc = home.root?.session.doc ?? null;
  const [password, setPassword] = useState('');
  // A file link only downloads (ADR 0013).
  const editable = entry.kind !== 'file';
  const [role, setRole] = useState<'viewer' | 'editor'>('viewer');
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [links, setLinks] = useState<LinkInfo[]>([]);
  const [copied, setCopied] = useState(false);

  const load = useCallback(() => {
    apiFetch<LinkInfo[]>(`/links?itemId=${encodeURIComponent(entry.id)}`).then(setLinks, (e) => setError(errorMessage(e)));
  }, [entry.id]);
  useEffect(load, [load]);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const expiresAt = expires ? new Date(`${expires}T23:59:59`).getTime() : null;
      const payload = linkPayloadFor(entry, editable ? role : 'viewer', parentId);
      // A room's or folder's link names the people in it as this device trusts them, so a visitor can tell who wrote what (ADR 0018).
      const account = getUnlockedAccount();
      if (account && (payload.kind === 'folder' || (payload.kind === 'doc' && payload.docKind === 'chat'))) payload.authors = await linkDirectory(entry.id, account);
      const { url, linkId, key } = await createLink({
        payload,
        role: editable ? role : 'viewer',
        password: password || null,
        expiresAt,
        origin: window.location.origin,
      });
      setMade(url);
      if (rootDoc) {
        rememberLink(rootDoc, { linkId, url, itemId: entry.id, name: entry.title, createdAt: Date.now(), key });
        home.root?.session.flush();
      }
      setPassword('');
      load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function stop(linkId: string) {
    setError(null);
    try {
      await stopLink(linkId, rootDoc);
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="link-title">
        <h2 id="link-title">Link to “{entry.title}”</h2>
        <p className="muted small">{linkDescription(entry.kind, role)} The key is in the part after “#”, which is never sent to the server. Links you make are kept in your encrypted drive, so you can copy them again.</p>
        <form onSubmit={create} className="link-form">
          {editable && (
            <label className="field">
              <span>Anyone with the link can</span>
              <select aria-label="Link access" value={role} onChange={(e) => setRole(e.target.value === 'editor' ? 'editor' : 'viewer')}>
                <option value="viewer">view</option>
                <option value="editor">edit</option>
              </select>
            </label>
          )}
          <label className="field">
            <span>Password (optional)</span>
            <input type="password" aria-label="Link password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </label>
          <label className="field">
            <span>Expires (optional)</span>
            <input type="date" aria-label="Expiry date" value={expires} min={new Date().toISOString().slice(0, 10)} onChange={(e) => setExpires(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>{busy ? 'Making the link…' : 'Create link'}</button>
        </form>
        {made && (
          <div className="link-made">
            <input readOnly aria-label="New link" value={made} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              onClick={() => void navigator.clipboard.writeText(made).then(() => setCopied(true), () => setError('Copy failed: select the link and copy it by hand.'))}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
            {!rootDoc && <p className="muted small">Copy it now: Coffre cannot show this link again.</p>}
          </div>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <h3>Links to this {entry.kind === 'doc' ? 'document' : entry.kind}</h3>
        {links.length === 0 ? (
          <p className="muted">No links.</p>
        ) : (
          <ul className="members" aria-label="Links">
            {links.map((l) => (
              <li key={l.linkId} data-link-id={l.linkId}>
                <span>{l.role === 'editor' ? 'Edit link' : 'View link'}, made {new Date(l.createdAt).toLocaleString()}</span>
                <span className="muted small">
                  {l.hasPassword ? 'password · ' : ''}
                  {l.expiresAt ? `${l.expired ? 'expired' : 'expires'} ${new Date(l.expiresAt).toLocaleDateString()}` : 'no expiry'}
                </span>
                <CopyLinkButton url={rootDoc ? (rememberedLinks(rootDoc).get(l.linkId)?.url ?? null) : null} />
                <button type="button" className="ghost" onClick={() => void stop(l.linkId)}>Stop sharing</button>
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>Done</button>
        </div>
      </div>
    </div>
  );
}

/** Copies a link I made; links made elsewhere before the link book existed cannot be shown again. */
export function CopyLinkButton({ url }: { url: string | null }) {
  const [copied, setCopied] = useState(false);
  if (!url) return <span className="muted small">address not kept</span>;
  return (
    <button type="button" className="ghost" onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true), () => window.prompt('Copy the link:', url))}>
      {copied ? 'Copied' : 'Copy link'}
    </button>
  );
}

/** What a link of this kind and role lets anyone holding it do. */
function linkDescription(kind: FolderEntry['kind'], role: 'viewer' | 'editor'): string {
  const edit = role === 'editor';
  switch (kind) {
    case 'file':
      return 'Anyone with the link can download this version of the file.';
    case 'folder':
      return edit ? 'Anyone with the link can browse this folder, download its files, upload files (counted against your storage), add, rename and trash what is in it, and edit its documents with you, as a guest, without an account.' : 'Anyone with the link can browse this folder, download its files and read its documents and chats, as they change, without an account.';
    case 'calendar':
      return edit ? 'Anyone with the link can add, move and change events in this calendar with you, as a guest, without an account.' : 'Anyone with the link can see this calendar as it changes, without an account.';
    case 'chat':
      return edit ? 'Anyone with the link can read this chat and write in it, as a guest, without an account. The people in the room see their messages as a guest’s, never as someone’s.' : 'Anyone with the link can read this chat as it is written, without an account.';
    default:
      return edit ? 'Anyone with the link can edit this document with you, as a guest, without an account.' : 'Anyone with the link can read this document as it changes, without an account.';
  }
}

/** What the link's sealed payload says about the item: for a file, its current version. */
function linkPayloadFor(entry: FolderEntry, role: 'viewer' | 'editor', parentId: string | undefined): LinkPayload {
  if (entry.kind === 'file') {
    const current = entry.versions.reduce((a, b) => (b.version > a.version ? b : a));
    return { v: 1, kind: 'file', name: entry.title, mime: entry.mime, size: current.size, fileId: entry.id, version: current.version, chunkCount: current.chunkCount, key: fileVersionKey(entry, current), ...(current.digest !== undefined && { digest: current.digest }) };
  }
  const writer = entry.writer ? { writer: entry.writer } : {};
  const base = { v: 1 as const, name: entry.title, key: entry.key, epoch: entry.epoch, ...writer };
  const docKind: 'doc' | 'sheet' | 'calendar' | 'chat' = entry.kind === 'sheet' || entry.kind === 'calendar' || entry.kind === 'chat' ? entry.kind : 'doc';
  const item = entry.kind === 'folder' ? { ...base, kind: 'folder' as const, folderId: entry.id } : { ...base, kind: 'doc' as const, docKind, docId: entry.id };
  if (role !== 'editor') return item;
  // An edit link hands out the item's write key: only someone who holds it can make one (ADR 0016).
  const writeKey = entry.writer && parentId ? entryWriteKeys(entry, parentId).writeKey : undefined;
  if (entry.writer && !writeKey) throw new Error('You can only make an edit link for something you can edit yourself.');
  return { ...item, role, ...(writeKey && { writeKey: toBase64Url(writeKey) }) };
}
