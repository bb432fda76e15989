import { kindOfMime, type FolderEntry } from '@coffre/docs';
import { EntryCheckbox } from './EntryCheckbox.tsx';
import { EntryContextMenu } from './EntryContextMenu.tsx';
import { EntryIcon } from './EntryIcon.tsx';
import type { EntryListProps, SortBy } from './EntryListProps.ts';
import { EntryName } from './EntryName.tsx';
import { formatBytes } from './formatBytes.ts';
import { useEntryInteractions } from './useEntryInteractions.ts';

/** The list view: sortable columns, multi-select, keyboard, right-click menu, rows draggable onto folders. */
export function EntryTable(p: EntryListProps) {
  const { containerRef, menu, itemProps } = useEntryInteractions(p, 'rows');

  const header = (by: SortBy, label: string) => (
    <th aria-sort={p.sort.by === by ? (p.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="link" onClick={() => p.onSort(by)}>
        {label} {p.sort.by === by ? (p.sort.dir === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );

  if (p.entries.length === 0) return <p className="muted empty">{p.emptyText}</p>;
  return (
    <>
      <table className="entries">
        <thead>
          <tr>
            <th className="col-check">
              <input
                type="checkbox"
                aria-label="Select all"
                checked={p.selected.size > 0 && p.selected.size === p.entries.length}
                onChange={(ev) => p.onSelect(new Set(ev.target.checked ? p.entries.map((e) => e.id) : []))}
              />
            </th>
            {header('name', 'Name')}
            {header('modified', 'Modified')}
            {header('size', 'Size')}
            {header('kind', 'Kind')}
          </tr>
        </thead>
        <tbody ref={containerRef}>
          {p.entries.map((e, i) => (
            <tr key={e.id} {...itemProps(e, i)}>
              <td className="col-check">
                <EntryCheckbox entry={e} selected={p.selected} onSelect={p.onSelect} />
              </td>
              <td className="name">
                <EntryIcon entry={e} /> <EntryName entry={e} p={p} />
                {e.sharedBy && <span className="muted"> · shared by {e.sharedBy}</span>}
              </td>
              <td className="muted">{new Date(e.trashedAt ?? e.modified).toLocaleString()}</td>
              <td className="muted">{e.kind === 'file' ? formatBytes(e.size) : '—'}</td>
              <td className="muted">{kindLabel(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {menu && <EntryContextMenu at={menu} actions={p.actionsFor(menu.entry)} onAction={p.onAction} />}
    </>
  );
}

const KIND_LABELS: Record<string, string> = { folder: 'Folder', doc: 'Document', sheet: 'Spreadsheet', calendar: 'Calendar', chat: 'Chat', image: 'Image', pdf: 'PDF', text: 'Text', audio: 'Audio', video: 'Video', other: 'File' };

function kindLabel(e: FolderEntry): string {
  return KIND_LABELS[e.kind === 'file' ? kindOfMime(e.mime, e.title) : e.kind] ?? 'File';
}
