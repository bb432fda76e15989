import { useEffect, useState } from 'react';
import { sortEntries, type FolderEntry } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { EntryIcon } from './EntryIcon.tsx';
import { acquireFolder, childFolderRef, folderReady } from './folderSessions.client.ts';
import { useFolderEntries } from './useFolderEntries.ts';
import type { FolderLevel } from './useFolderPath.ts';

type Crumb = { id: string; title: string; open: OpenDoc; viewer: boolean };

/** A folder picker over the user's drive: browse, then move here. */
export function MoveDialog(p: { levels: FolderLevel[]; pathIds: string[]; moving: string[]; onClose(): void; onMove(target: { folderId: string; open: OpenDoc }): Promise<unknown> }) {
  const home = useHomeFolder();
  const [crumbs, setCrumbs] = useState<Crumb[]>(() => p.levels.map((l) => ({ id: l.id, title: l.title, open: l.open, viewer: l.role === 'viewer' })));
  const [releases] = useState<Array<() => void>>([]);
  const [busy, setBusy] = useState(false);
  const here = crumbs[crumbs.length - 1]!;
  const entries = useFolderEntries(here.open);
  const folders = sortEntries(entries.filter((e) => e.kind === 'folder' && !e.trashedAt), 'name', 'asc');

  useEffect(() => () => releases.forEach((r) => r()), [releases]);

  async function enter(e: FolderEntry) {
    const account = getUnlockedAccount();
    if (!account) return;
    const viewer = here.viewer || e.role === 'viewer';
    const held = acquireFolder(account, home.collabUrl, childFolderRef(e, here.id, viewer));
    releases.push(held.release);
    await folderReady(held.open);
    setCrumbs((c) => [...c, { id: e.id, title: e.title, open: held.open, viewer }]);
  }

  const blocked = here.viewer || p.moving.includes(here.id) || crumbs.some((c) => p.moving.includes(c.id));
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="move-title">
        <h2 id="move-title">Move {p.moving.length === 1 ? 'one item' : `${p.moving.length} items`}</h2>
        <nav className="breadcrumbs" aria-label="Destination path">
          {crumbs.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ' › '}
              <button type="button" className="link" onClick={() => setCrumbs((all) => all.slice(0, i + 1))}>{c.title}</button>
            </span>
          ))}
        </nav>
        <ul className="folder-picker">
          {folders.length === 0 && <li className="muted">No folders here.</li>}
          {folders.map((f) => (
            <li key={f.id}>
              <button type="button" className="link" disabled={p.moving.includes(f.id)} onClick={() => void enter(f)}><EntryIcon entry={f} /> {f.title}</button>
            </li>
          ))}
        </ul>
        {here.viewer && <p className="muted">You can only view this folder.</p>}
        <div className="dialog-actions">
          <button
            type="button"
            disabled={blocked || busy}
            onClick={() => {
              setBusy(true);
              void p.onMove({ folderId: here.id, open: here.open }).finally(() => setBusy(false));
            }}
          >
            Move here
          </button>
          <button type="button" className="secondary" onClick={p.onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
