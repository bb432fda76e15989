import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { filterEntries, sortEntries, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { collectDroppedFiles, pickedFromInput } from './collectDroppedFiles.ts';
import { ConflictDialog, useConflictPrompt } from './ConflictDialog.tsx';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { DriveFolderActions } from './DriveFolderActions.client.ts';
import { acquireFolder, childFolderRef, folderReady } from './folderSessions.client.ts';
import { renameInside } from './renameInside.client.ts';
import type { EntryAction } from './EntryContextMenu.tsx';
import { EntryGrid } from './EntryGrid.tsx';
import { FolderIntegrityNotice } from './FolderIntegrityNotice.tsx';
import type { SortBy } from './EntryListProps.ts';
import { EntryTable } from './EntryTable.tsx';
import { entryHref } from './entryHref.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { PreviewDialog } from './PreviewDialog.tsx';
import { ItemLinkDialog } from '../links/ItemLinkDialog.tsx';
import { copyEntry } from './copyEntry.client.ts';
import { useTransfers } from './TransferProvider.tsx';
import { recordRecent } from './recentBook.ts';
import { ShareEntryDialog } from './ShareEntryDialog.tsx';
import { useDownloader } from './useDownloader.ts';
import { useDriveViewMode } from './useDriveViewMode.ts';
import { useFolderEntries } from './useFolderEntries.ts';
import type { FolderLevel } from './useFolderPath.ts';
import { memberUploadFolder, useUploader } from './useUploader.ts';
import { useZipDownloader } from './useZipDownloader.ts';
import { VersionsDialog } from './VersionsDialog.tsx';
import { ViewModeToggle } from './ViewModeToggle.tsx';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/** One folder: breadcrumbs, toolbar, the list, uploads by picker and drop. */
export function FolderView({ levels, pathIds, onChanged, chatToggle }: { levels: FolderLevel[]; pathIds: string[]; onChanged(): void; chatToggle?: React.ReactNode }) {
  const here = levels[levels.length - 1]!;
  const account = getUnlockedAccount()!;
  const navigate = useNavigate();
  const home = useHomeFolder();
  const transfers = useTransfers();
  const actions = useMemo(() => new DriveFolderActions(here.id, here.open, { key: here.key, epoch: here.epoch }, account), [here.id, here.open, here.key, here.epoch, account]);
  const uploadTarget = useMemo(() => memberUploadFolder(actions, account, home.collabUrl), [actions, account, home.collabUrl]);
  const all = useFolderEntries(here.open);
  const canEdit = here.role !== 'viewer';
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ by: SortBy; dir: 'asc' | 'desc' }>({ by: 'name', dir: 'asc' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState<string[] | null>(null);
  const [versionsOf, setVersionsOf] = useState<FileEntry | null>(null);
  const [preview, setPreview] = useState<FileEntry | null>(null);
  const [sharing, setSharing] = useState<FolderEntry | null>(null);
  const [linking, setLinking] = useState<FolderEntry | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const versionInput = useRef<HTMLInputElement>(null);
  const versionTarget = useRef<FileEntry | null>(null);
  const conflict = useConflictPrompt();
  const upload = useUploader(conflict.ask, onChanged);
  const download = useDownloader();
  const downloadZip = useZipDownloader();
  const [viewMode, setViewMode] = useDriveViewMode();

  const visible = useMemo(() => sortEntries(filterEntries(all.filter((e) => !e.trashedAt), query), sort.by, sort.dir), [all, query, sort]);

  const run = useCallback(async (fn: () => unknown) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  function actionsFor(e: FolderEntry): EntryAction[] {
    const list: EntryAction[] = ['open'];
    if (e.kind === 'file' || e.kind === 'folder') list.push('download');
    if (e.kind === 'file') list.push('versions');
    // Sharing needs the admin role: mine, or given by whoever shared this folder tree with me.
    if (e.kind !== 'file' && (here.role === null || here.role === 'admin') && (!e.role || e.role === 'admin')) list.push('share');
    if (canEdit) list.push('link');
    if (canEdit) {
      list.push('rename', 'move');
      if (e.kind !== 'chat') list.push('copy');
      if (e.kind === 'file') list.push('upload-version');
      list.push('trash');
    }
    return list;
  }

  function onAction(action: EntryAction, e: FolderEntry) {
    const ids = selected.has(e.id) ? [...selected] : [e.id];
    if (action === 'open') {
      if (e.kind === 'file') {
        setPreview(e);
        if (home.root) recordRecent(home.root.session.doc, { id: e.id, kind: 'file', title: e.title, pathIds, openedAt: Date.now() });
      } else navigate(entryHref(e, pathIds));
    } else if (action === 'download') downloadEntries(ids);
    else if (action === 'share') setSharing(e);
    else if (action === 'link') setLinking(e);
    else if (action === 'copy') {
      void run(() => copyEntry(e, actions, { account, collabUrl: home.collabUrl, onUpload: (upload, name) => transfers.add({ id: `${upload.target.fileId}:${upload.target.version}`, name, direction: 'up', upload }) }));
    } else if (action === 'rename') setRenaming(e.id);
    else if (action === 'move') setMoving(ids);
    else if (action === 'trash') {
      actions.trash(ids);
      setSelected(new Set());
    } else if (action === 'versions' && e.kind === 'file') setVersionsOf(e);
    else if (action === 'upload-version' && e.kind === 'file') {
      versionTarget.current = e;
      versionInput.current?.click();
    }
  }

  /** One file downloads as itself; a folder or several entries as one .zip. */
  function downloadEntries(ids: string[]) {
    const chosen = all.filter((x) => ids.includes(x.id) && !x.trashedAt);
    const only = chosen.length === 1 ? chosen[0]! : null;
    if (only?.kind === 'file') void download(only);
    else if (chosen.length > 0) void downloadZip(chosen, only ? only.title : here.title, { viewer: here.role === 'viewer' });
  }

  const View = viewMode === 'grid' ? EntryGrid : EntryTable;

  return (
    <div
      className={`folder-view${dragging ? ' dragging' : ''}`}
      onDragOver={(ev) => {
        if (!canEdit || !ev.dataTransfer.types.includes('Files')) return;
        ev.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(ev) => {
        if (ev.currentTarget === ev.target) setDragging(false);
      }}
      onDrop={(ev) => {
        if (!canEdit || !ev.dataTransfer.types.includes('Files')) return;
        ev.preventDefault();
        setDragging(false);
        const dt = ev.dataTransfer;
        void run(async () => upload(uploadTarget, await collectDroppedFiles(dt)));
      }}
    >
      <nav className="breadcrumbs" aria-label="Folder path">
        {levels.map((l, i) => (
          <span key={l.id}>
            {i > 0 && <span aria-hidden="true"> › </span>}
            {i === levels.length - 1 ? <strong aria-current="page">{l.title}</strong> : <Link to={i === 0 ? '/drive' : `/drive/f/${pathIds.slice(0, i).join('/')}`}>{l.title}</Link>}
          </span>
        ))}
        {here.role === 'viewer' && <span className="badge">View only</span>}
      </nav>
      <div className="drive-toolbar">
        {canEdit && (
          <>
            <button type="button" className="secondary" onClick={() => void run(async () => { const e = await actions.create('folder', 'New folder'); setRenaming(e.id); })}>New folder</button>
            <button type="button" className="secondary" onClick={() => void run(async () => navigate(entryHref(await actions.create('doc', 'Untitled document'), pathIds)))}>New document</button>
            <button type="button" className="secondary" onClick={() => void run(async () => navigate(entryHref(await actions.create('sheet', 'Untitled spreadsheet'), pathIds)))}>New spreadsheet</button>
            <button type="button" className="secondary" onClick={() => void run(async () => navigate(entryHref(await actions.create('calendar', 'Untitled calendar'), pathIds)))}>New calendar</button>
            <button type="button" className="secondary" onClick={() => void run(async () => navigate(entryHref(await actions.create('chat', 'New chat room'), pathIds)))}>New chat room</button>
            <button type="button" onClick={() => fileInput.current?.click()}>Upload files</button>
            <button type="button" className="secondary" onClick={() => folderInput.current?.click()}>Upload folder</button>
          </>
        )}
        {chatToggle}
        <input type="search" placeholder="Filter by name" aria-label="Filter by name" value={query} onChange={(ev) => setQuery(ev.target.value)} />
      </div>
      <div className="folder-status">
        <div className="selection-bar" aria-live="polite">
          {selected.size > 0 ? (
            <>
              {selected.size} selected
              <button type="button" className="secondary" onClick={() => downloadEntries([...selected])}>Download</button>
              {canEdit && <button type="button" className="secondary" onClick={() => setMoving([...selected])}>Move…</button>}
              {canEdit && <button type="button" className="secondary" onClick={() => (actions.trash([...selected]), setSelected(new Set()))}>Move to trash</button>}
              <button type="button" className="ghost" onClick={() => setSelected(new Set())}>Clear selection</button>
            </>
          ) : (
            <span className="muted">{visible.length} {visible.length === 1 ? 'item' : 'items'}</span>
          )}
        </div>
        <ViewModeToggle mode={viewMode} onChange={setViewMode} />
      </div>
      <input ref={fileInput} type="file" multiple hidden data-testid="upload-files" onChange={(ev) => { const f = ev.target.files; if (f) void run(() => upload(uploadTarget, pickedFromInput(f))); ev.target.value = ''; }} />
      <input ref={folderInput} type="file" multiple hidden data-testid="upload-folder" {...{ webkitdirectory: '' }} onChange={(ev) => { const f = ev.target.files; if (f) void run(() => upload(uploadTarget, pickedFromInput(f))); ev.target.value = ''; }} />
      <input
        ref={versionInput}
        type="file"
        hidden
        data-testid="upload-version"
        onChange={(ev) => {
          const f = ev.target.files?.[0];
          const target = versionTarget.current;
          if (f && target) void run(async () => upload(uploadTarget, [{ file: new File([f], target.title, { type: f.type }), folders: [] }]));
          ev.target.value = '';
        }}
      />
      {error && <p className="error" role="alert">{error}</p>}
      <FolderIntegrityNotice open={here.open} />
      <View
        entries={visible}
        selected={selected}
        onSelect={setSelected}
        actionsFor={actionsFor}
        onAction={onAction}
        renaming={renaming}
        setRenaming={setRenaming}
        onRename={(e, name) => {
          setRenaming(null);
          const renamed = actions.rename(e.id, name);
          if (renamed && (renamed.kind === 'doc' || renamed.kind === 'sheet')) void renameInside(renamed, here.id, { account, collabUrl: home.collabUrl });
        }}
        sort={sort}
        onSort={(by) => setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }))}
        onDropOnFolder={canEdit ? (ids, folder) => void run(() => moveInto(ids, folder)) : undefined}
        emptyText={query ? 'Nothing here matches that name.' : canEdit ? 'This folder is empty. Drop files here or use Upload.' : 'This folder is empty.'}
      />
      {moving && (
        <MoveDialog
          levels={levels}
          pathIds={pathIds}
          moving={moving}
          onClose={() => setMoving(null)}
          onMove={(target) =>
            run(async () => {
              await actions.moveTo(moving, target);
              setMoving(null);
              setSelected(new Set());
            })
          }
        />
      )}
      {versionsOf && <VersionsDialog entry={all.find((e) => e.id === versionsOf.id) as FileEntry ?? versionsOf} canEdit={canEdit} actions={actions} onClose={() => setVersionsOf(null)} onChanged={onChanged} />}
      {linking && <ItemLinkDialog entry={linking} parentId={here.id} onClose={() => setLinking(null)} />}
      {sharing && <ShareEntryDialog entry={all.find((e) => e.id === sharing.id) ?? sharing} parent={here.open} onClose={() => setSharing(null)} />}
      {preview && <PreviewDialog entry={preview} onClose={() => setPreview(null)} />}
      <ConflictDialog prompt={conflict} />
    </div>
  );

  async function moveInto(ids: string[], folder: FolderEntry) {
    const held = acquireFolder(account, home.collabUrl, childFolderRef(folder, here.id, false));
    try {
      await folderReady(held.open);
      await actions.moveTo(ids, { folderId: folder.id, open: held.open });
      setSelected(new Set());
    } finally {
      held.release();
    }
  }
}
