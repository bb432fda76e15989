import { useMemo, useState } from 'react';
import { sortEntries, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { DriveFolderActions } from './DriveFolderActions.client.ts';
import type { EntryAction } from './EntryContextMenu.tsx';
import type { SortBy } from './EntryListProps.ts';
import { EntryTable } from './EntryTable.tsx';
import { useDriveWalk, type DriveItem } from './useDriveWalk.ts';

/** Trashed items from every folder: restore them where they were, or delete them for good. */
export function TrashView({ onChanged }: { onChanged(): void }) {
  const walk = useDriveWalk();
  const loading = walk.loading;
  const items = useMemo(() => walk.items.filter((i) => i.entry.trashedAt).sort((a, b) => (b.entry.trashedAt ?? 0) - (a.entry.trashedAt ?? 0)), [walk.items]);
  const account = getUnlockedAccount()!;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ by: SortBy; dir: 'asc' | 'desc' }>({ by: 'modified', dir: 'desc' });
  const byId = new Map(items.map((i) => [i.entry.id, i]));
  const actionsOf = (i: DriveItem) => new DriveFolderActions(i.folderId, i.open, { key: i.folderKey, epoch: i.folderEpoch }, account);

  async function apply(action: 'restore' | 'delete', ids: string[]) {
    setError(null);
    try {
      for (const id of ids) {
        const item = byId.get(id);
        if (!item || item.viewer) continue;
        if (action === 'restore') actionsOf(item).restore([id]);
        else await actionsOf(item).deleteForever([id]);
      }
      setSelected(new Set());
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const entries = items.map((i) => i.entry);
  return (
    <div className="folder-view">
      <nav className="breadcrumbs" aria-label="Folder path"><strong aria-current="page">Trash</strong></nav>
      <div className="drive-toolbar">
        <span className="muted">Items in the trash still count towards your storage until you delete them forever.</span>
        {items.length > 0 && (
          <button type="button" className="danger" onClick={() => window.confirm('Delete everything in the trash forever? This cannot be undone.') && void apply('delete', items.map((i) => i.entry.id))}>
            Empty trash
          </button>
        )}
        {selected.size > 0 && (
          <span className="selection-actions">
            {selected.size} selected
            <button type="button" onClick={() => void apply('restore', [...selected])}>Restore</button>
            <button type="button" className="danger" onClick={() => void apply('delete', [...selected])}>Delete forever</button>
          </span>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {loading && <p className="muted">Looking through your folders…</p>}
      <EntryTable
        entries={sortEntries(entries, sort.by, sort.dir)}
        selected={selected}
        onSelect={setSelected}
        actionsFor={(e) => (byId.get(e.id)?.viewer ? [] : ['restore', 'delete'])}
        onAction={(a: EntryAction, e: FolderEntry) => void apply(a === 'restore' ? 'restore' : 'delete', selected.has(e.id) ? [...selected] : [e.id])}
        renaming={null}
        setRenaming={() => undefined}
        onRename={() => undefined}
        sort={sort}
        onSort={(by) => setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }))}
        emptyText={loading ? '' : 'The trash is empty.'}
      />
    </div>
  );
}
