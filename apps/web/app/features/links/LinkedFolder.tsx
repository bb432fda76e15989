import { useEffect, useMemo, useRef, useState } from 'react';
import { getFolderEntry, renameFolderEntry, safeDownloadName, sortEntries, trashFolderEntry, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { downloadThroughLink, fileChunks } from '../../keys/downloadFile.client.ts';
import type { FolderLinkPayload } from '../../keys/linkPayload.ts';
import { openDocViaLink } from '../../keys/openDocViaLink.client.ts';
import type { OpenedLink } from '../../keys/openLink.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { saveDownload } from '../../keys/saveDownload.client.ts';
import { collectDroppedFiles, pickedFromInput, type PickedFile } from '../drive/collectDroppedFiles.ts';
import { ConflictDialog, useConflictPrompt } from '../drive/ConflictDialog.tsx';
import { currentVersionSource } from '../drive/currentVersionSource.ts';
import { EntryIcon } from '../drive/EntryIcon.tsx';
import { formatBytes } from '../drive/formatBytes.ts';
import { RenameInput } from '../drive/RenameInput.tsx';
import { useFolderEntries } from '../drive/useFolderEntries.ts';
import { useUploader } from '../drive/useUploader.ts';
import { childWriteKey, closeGuestFolder, createThroughLink, guestUploadFolder, renameInsideThroughLink } from './guestFolder.client.ts';
import { LinkedDocument } from './LinkedDocument.tsx';

const noop = () => undefined;

/** `writeKey`: the folder's write key (base64url), held only through an edit link. */
type Level = { id: string; key: string; epoch: number; title: string; writer?: string; writeKey?: string };

/**
 * A folder opened through a link: browse its folders, download its files and
 * read its documents and chats, each opened with the key its parent's (signed,
 * encrypted) entry holds. Through an edit link the guest also renames and
 * trashes entries, edits documents, makes folders and documents and uploads
 * files and folder trees (charged to the folder's owner), each written under
 * the write key its entry holds, opened with the folder's (ADR 0013, 0016).
 * No account, nothing kept on the device.
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
      // Uploads into it still file their entries there when they end.
      closeGuestFolder(handle);
    };
  }, [here, collabUrl, via, link.canEdit]);

  const entries = useFolderEntries(open);
  const canWrite = link.canEdit && !!open?.session.canWrite;
  const conflict = useConflictPrompt();
  const uploader = useUploader(conflict.ask, noop);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  /** Files (and folder trees) into the folder shown, through the link: charged to the folder's owner. */
  async function upload(picked: PickedFile[] | Promise<PickedFile[]>) {
    if (!open || !canWrite) return;
    setStatus(null);
    try {
      await uploader(guestUploadFolder(via, collabUrl, { id: here.id, open, writeKey: here.writeKey }), await picked);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  }
  function edit(change: (doc: NonNullable<typeof open>['session']['doc']) => void) {
    if (!open || !canWrite) return;
    change(open.session.doc);
    open.session.flush();
  }
  function rename(e: FolderEntry, name: string) {
    if (!open || !canWrite || !renameFolderEntry(open.session.doc, e.id, name, Date.now())) return;
    open.session.flush();
    const renamed = getFolderEntry(open.session.doc, e.id);
    if (renamed && (renamed.kind === 'doc' || renamed.kind === 'sheet')) void renameInsideThroughLink(via, collabUrl, { id: here.id, open, writeKey: here.writeKey }, renamed);
  }
  /** A new folder or document here, named in place. */
  async function create(kind: 'folder' | 'doc', name: string) {
    if (!open || !canWrite) return;
    setStatus(null);
    try {
      const entry = await createThroughLink(via, { id: here.id, open, writeKey: here.writeKey }, kind, name);
      setRenaming(entry.id);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  }
  const visible = useMemo(() => sortEntries(entries.filter((e) => !e.trashedAt), 'name', 'asc'), [entries]);

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
        <LinkedDocument link={link} payload={{ v: 1, kind: 'doc', docKind: reading.kind === 'sheet' || reading.kind === 'calendar' || reading.kind === 'chat' ? reading.kind : 'doc', name: reading.title, docId: reading.id, key: reading.key, epoch: reading.epoch, writer: reading.writer, writeKey: childWriteKey(here, reading), ...(payload.authors && { authors: payload.authors }) }} collabUrl={collabUrl} />
      </>
    );
  }
  return (
    <section
      aria-label="Shared folder"
      className={dragging ? 'dragging' : undefined}
      onDragOver={(ev) => {
        if (!canWrite || !ev.dataTransfer.types.includes('Files')) return;
        ev.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(ev) => ev.currentTarget === ev.target && setDragging(false)}
      onDrop={(ev) => {
        if (!canWrite || !ev.dataTransfer.types.includes('Files')) return;
        ev.preventDefault();
        setDragging(false);
        void upload(collectDroppedFiles(ev.dataTransfer));
      }}
    >
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
          <p className="muted small">Opened through an edit link: you can add, upload, rename and trash what is here and edit its documents, as a guest. What you upload counts against the owner’s storage.</p>
          <button type="button" onClick={() => void create('folder', 'New folder')}>New folder</button>{' '}
          <button type="button" onClick={() => void create('doc', 'Untitled document')}>New document</button>{' '}
          <button type="button" onClick={() => fileInput.current?.click()}>Upload files</button>{' '}
          <button type="button" onClick={() => folderInput.current?.click()}>Upload folder</button>
          <input ref={fileInput} type="file" multiple hidden data-testid="upload-files" onChange={(ev) => { const f = ev.target.files; if (f) void upload(pickedFromInput(f)); ev.target.value = ''; }} />
          <input ref={folderInput} type="file" multiple hidden data-testid="upload-folder" {...{ webkitdirectory: '' }} onChange={(ev) => { const f = ev.target.files; if (f) void upload(pickedFromInput(f)); ev.target.value = ''; }} />
        </div>
      )}
      <ConflictDialog prompt={conflict} />
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
                      if (name !== null) rename(e, name);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className="link entry-name"
                    onClick={() => (e.kind === 'folder' ? setPath([...path, { id: e.id, key: e.key, epoch: e.epoch, title: e.title, writer: e.writer, writeKey: childWriteKey(here, e) }]) : e.kind === 'file' ? void download(e) : setReading(e))}
                  >
                    {e.title}
                  </button>
                )}
              </div>
              <div className="muted small">
                {e.kind === 'file' ? formatBytes(e.size) : e.kind === 'folder' ? 'Folder' : e.kind === 'sheet' ? 'Spreadsheet' : e.kind === 'calendar' ? 'Calendar' : e.kind === 'chat' ? 'Chat room' : 'Document'}
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
