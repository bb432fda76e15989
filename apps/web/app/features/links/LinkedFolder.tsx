import { useEffect, useMemo, useState } from 'react';
import { asSymmetricKey, fromBase64Url, randomBytes, toBase64Url } from '@coffre/crypto';
import { addFolderEntry, newFolderChild, openEntryWriteKey, renameFolderEntry, safeDownloadName, sortEntries, trashFolderEntry, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { downloadThroughLink, fileChunks } from '../../keys/downloadFile.client.ts';
import type { FolderLinkPayload } from '../../keys/linkPayload.ts';
import { openDocViaLink } from '../../keys/openDocViaLink.client.ts';
import { registerDocViaLink } from '../../keys/registerDocViaLink.client.ts';
import type { OpenedLink } from '../../keys/openLink.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { saveDownload } from '../../keys/saveDownload.client.ts';
import { currentVersionSource } from '../drive/currentVersionSource.ts';
import { EntryIcon } from '../drive/EntryIcon.tsx';
import { formatBytes } from '../drive/formatBytes.ts';
import { RenameInput } from '../drive/RenameInput.tsx';
import { useFolderEntries } from '../drive/useFolderEntries.ts';
import { LinkedDocument } from './LinkedDocument.tsx';

/** `writeKey`: the folder's write key (base64url), held only through an edit link. */
type Level = { id: string; key: string; epoch: number; title: string; writer?: string; writeKey?: string };

/**
 * A folder opened through a link: browse its folders, download its files and
 * read its documents, each opened with the key its parent's (signed,
 * encrypted) entry holds. Through an edit link the guest also renames and
 * trashes entries and edits documents, each written under the write key its
 * entry holds, opened with the folder's (ADR 0013, 0016). No account,
 * nothing kept on the device.
 */
export function LinkedFolder({ link, payload, collabUrl }: { link: OpenedLink; payload: FolderLinkPayload; collabUrl: string }) {
  const [path, setPath] = useState<Level[]>([{ id: payload.folderId, key: payload.key, epoch: payload.epoch, title: payload.name, writer: payload.writer, writeKey: link.canEdit ? payload.writeKey : undefined }]);
  const [reading, setReading] = useState<FolderEntry | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [open, setOpen] = useState<OpenDoc | null>(null);
  const [denied, setDenied] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const here = path[path.length - 1]!;
  const via = useMemo(() => ({ linkId: link.linkId, proof: link.proof }), [link]);

  useEffect(() => {
    downloadThroughLink(via);
    return () => downloadThroughLink(undefined);
  }, [via]);

  useEffect(() => {
    const handle = openDocViaLink({ docId: here.id, key: here.key, epoch: here.epoch, writer: here.writer, collabUrl, write: link.canEdit, writeKey: here.writeKey, ...via });
    const off = handle.connection.onStatus((s) => s === 'denied' && setDenied(true));
    setOpen(handle);
    return () => {
      off();
      handle.close();
    };
  }, [here, collabUrl, via, link.canEdit]);

  const entries = useFolderEntries(open);
  const canWrite = link.canEdit && !!open?.session.canWrite;
  /** A child's write key, opened with this folder's; none when the folder's is not held or the entry's does not open. */
  const writeKeyOf = (e: FolderEntry): string | undefined => {
    if (!here.writeKey || e.kind === 'file') return undefined;
    const key = openEntryWriteKey(e, asSymmetricKey(fromBase64Url(here.writeKey)));
    return key && toBase64Url(key);
  };
  function edit(change: (doc: NonNullable<typeof open>['session']['doc']) => void) {
    if (!open || !canWrite) return;
    change(open.session.doc);
    open.session.flush();
  }
  /** A new folder or document here: registered with the server through the link, then filed with its write key under this folder's; then named in place. */
  async function create(kind: 'folder' | 'doc', name: string) {
    if (!open || !canWrite) return;
    setStatus(null);
    try {
      const id = toBase64Url(randomBytes(16));
      await registerDocViaLink(via, id, here.id);
      const existing = entries.filter((e) => !e.trashedAt).map((e) => e.title);
      const { entry } = newFolderChild({ id, kind, name, existing, folderWriteKey: here.writeKey ? asSymmetricKey(fromBase64Url(here.writeKey)) : null, now: Date.now() });
      edit((doc) => addFolderEntry(doc, entry));
      setRenaming(id);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  }
  const visible = useMemo(() => sortEntries(entries.filter((e) => !e.trashedAt && (e.kind === 'folder' || e.kind === 'file' || e.kind === 'doc' || e.kind === 'sheet' || e.kind === 'calendar')), 'name', 'asc'), [entries]);

  async function download(e: Extract<FolderEntry, { kind: 'file' }>) {
    const found = currentVersionSource(e, undefined, via);
    if (!found) return;
    setStatus(`Downloading ${e.title}…`);
    try {
      await saveDownload(safeDownloadName(e.title), fileChunks(found.source), { size: found.size, mime: e.mime });
      setStatus(null);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  }

  if (denied) return <p className="error" role="alert">This link does not work any more: it was stopped, or it expired.</p>;
  if (reading) {
    return (
      <>
        <button type="button" className="link" onClick={() => setReading(null)}>‹ Back to {here.title}</button>
        <LinkedDocument link={link} payload={{ v: 1, kind: 'doc', docKind: reading.kind === 'sheet' || reading.kind === 'calendar' ? reading.kind : 'doc', name: reading.title, docId: reading.id, key: reading.key, epoch: reading.epoch, writer: reading.writer, writeKey: writeKeyOf(reading) }} collabUrl={collabUrl} />
      </>
    );
  }
  return (
    <section aria-label="Shared folder">
      <nav className="breadcrumbs" aria-label="Folder path">
        {path.map((l, i) => (
          <span key={l.id}>
            {i > 0 && ' › '}
            {i === path.length - 1 ? <strong aria-current="page">{l.title}</strong> : <button type="button" className="link" onClick={() => setPath(path.slice(0, i + 1))}>{l.title}</button>}
          </span>
        ))}
      </nav>
      {canWrite && (
        <div className="toolbar">
          <p className="muted small">Opened through an edit link: you can add, rename and trash what is here and edit its documents, as a guest.</p>
          <button type="button" onClick={() => void create('folder', 'New folder')}>New folder</button>{' '}
          <button type="button" onClick={() => void create('doc', 'Untitled document')}>New document</button>
        </div>
      )}
      {status && <p className={status.endsWith('…') ? 'muted' : 'error'} role="status">{status}</p>}
      {!open ? (
        <p className="muted">Opening the folder…</p>
      ) : visible.length === 0 ? (
        <p className="muted">This folder is empty.</p>
      ) : (
        <ul className="shared-list" aria-label="Folder contents">
          {visible.map((e) => (
            <li key={e.id}>
              <div>
                <EntryIcon entry={e} />{' '}
                {renaming === e.id ? (
                  <RenameInput
                    entry={e}
                    onDone={(name) => {
                      setRenaming(null);
                      if (name !== null) edit((doc) => renameFolderEntry(doc, e.id, name, Date.now()));
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className="link entry-name"
                    onClick={() => (e.kind === 'folder' ? setPath([...path, { id: e.id, key: e.key, epoch: e.epoch, title: e.title, writer: e.writer, writeKey: writeKeyOf(e) }]) : e.kind === 'file' ? void download(e) : setReading(e))}
                  >
                    {e.title}
                  </button>
                )}
              </div>
              <div className="muted small">
                {e.kind === 'file' ? formatBytes(e.size) : e.kind === 'folder' ? 'Folder' : e.kind === 'sheet' ? 'Spreadsheet' : e.kind === 'calendar' ? 'Calendar' : 'Document'}
                {canWrite && (
                  <>
                    {' '}
                    <button type="button" className="ghost" aria-label={`Rename ${e.title}`} onClick={() => setRenaming(e.id)}>Rename</button>
                    <button type="button" className="ghost" aria-label={`Move ${e.title} to the trash`} onClick={() => edit((doc) => trashFolderEntry(doc, e.id, Date.now()))}>Trash</button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
