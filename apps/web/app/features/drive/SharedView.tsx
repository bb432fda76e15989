import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { sortEntries, type FolderEntry } from '@coffre/docs';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import type { SortBy } from './EntryListProps.ts';
import { EntryTable } from './EntryTable.tsx';
import { entryHref } from './entryHref.ts';

/** Items other people shared with me (verified grants filed into my root folder). */
export function SharedView() {
  const home = useHomeFolder();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sort, setSort] = useState<{ by: SortBy; dir: 'asc' | 'desc' }>({ by: 'modified', dir: 'desc' });
  const shared = useMemo(() => sortEntries(home.entries.filter((e) => e.sharedBy && !e.trashedAt), sort.by, sort.dir), [home.entries, sort]);
  return (
    <div className="folder-view">
      <nav className="breadcrumbs" aria-label="Folder path"><strong aria-current="page">Shared with me</strong></nav>
      <EntryTable
        entries={shared}
        selected={selected}
        onSelect={setSelected}
        actionsFor={() => ['open']}
        onAction={(_a, e: FolderEntry) => navigate(entryHref(e, []))}
        renaming={null}
        setRenaming={() => undefined}
        onRename={() => undefined}
        sort={sort}
        onSort={(by) => setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }))}
        emptyText="Nothing has been shared with you yet."
      />
    </div>
  );
}
