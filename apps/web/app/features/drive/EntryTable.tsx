import { useEffect, useRef, useState } from 'react';
import { kindOfMime, type FolderEntry } from '@coffre/docs';
import { EntryIcon } from './EntryIcon.tsx';
import { formatBytes } from './formatBytes.ts';

export type SortBy = 'name' | 'modified' | 'size' | 'kind';
export type EntryAction = 'open' | 'share' | 'download' | 'rename' | 'move' | 'trash' | 'restore' | 'delete' | 'versions' | 'upload-version';

const ACTION_LABELS: Record<EntryAction, string> = {
  open: 'Open',
  share: 'Share…',
  download: 'Download',
  rename: 'Rename',
  move: 'Move to…',
  trash: 'Move to trash',
  restore: 'Restore',
  delete: 'Delete forever',
  versions: 'Versions…',
  'upload-version': 'Upload new version…',
};

type Props = {
  entries: FolderEntry[];
  selected: Set<string>;
  onSelect(ids: Set<string>): void;
  actionsFor(e: FolderEntry): EntryAction[];
  onAction(action: EntryAction, e: FolderEntry): void;
  onRename(e: FolderEntry, name: string): void;
  renaming: string | null;
  setRenaming(id: string | null): void;
  sort: { by: SortBy; dir: 'asc' | 'desc' };
  onSort(by: SortBy): void;
  /** Rows dragged onto a folder row. */
  onDropOnFolder?(ids: string[], folder: FolderEntry): void;
  emptyText: string;
};

/** The list view: sortable columns, multi-select, keyboard, right-click menu, rows draggable onto folders. */
export function EntryTable(p: Props) {
  const [menu, setMenu] = useState<{ x: number; y: number; entry: FolderEntry } | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const anchor = useRef<number>(-1);
  const tbody = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (!menu) return;
    const close = () => setMenu(null);
    window.addEventListener('click', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('click', close);
      window.removeEventListener('keydown', close);
    };
  }, [menu]);

  function clickRow(ev: React.MouseEvent, index: number, e: FolderEntry) {
    const next = new Set(ev.metaKey || ev.ctrlKey ? p.selected : []);
    if (ev.shiftKey && anchor.current >= 0) {
      const [a, b] = [anchor.current, index].sort((x, y) => x - y);
      for (let i = a!; i <= b!; i++) next.add(p.entries[i]!.id);
    } else if ((ev.metaKey || ev.ctrlKey) && p.selected.has(e.id)) {
      next.delete(e.id);
    } else {
      next.add(e.id);
      anchor.current = index;
    }
    p.onSelect(next);
  }

  function keyDown(ev: React.KeyboardEvent, index: number, e: FolderEntry) {
    if (p.renaming) return;
    const rows = tbody.current?.querySelectorAll<HTMLTableRowElement>('tr[data-id]');
    const focusRow = (i: number) => {
      const row = rows?.[i];
      if (!row) return;
      row.focus();
      p.onSelect(new Set([p.entries[i]!.id]));
      anchor.current = i;
    };
    const actions = p.actionsFor(e);
    if (ev.key === 'ArrowDown') focusRow(Math.min(p.entries.length - 1, index + 1));
    else if (ev.key === 'ArrowUp') focusRow(Math.max(0, index - 1));
    else if (ev.key === 'Enter' && actions.includes('open')) p.onAction('open', e);
    else if (ev.key === 'F2' && actions.includes('rename')) p.setRenaming(e.id);
    else if (ev.key === 'Delete' && actions.includes('trash')) p.onAction('trash', e);
    else if ((ev.key === 'a' || ev.key === 'A') && (ev.ctrlKey || ev.metaKey)) p.onSelect(new Set(p.entries.map((x) => x.id)));
    else return;
    ev.preventDefault();
  }

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
        <tbody ref={tbody}>
          {p.entries.map((e, i) => (
            <tr
              key={e.id}
              data-id={e.id}
              tabIndex={0}
              aria-selected={p.selected.has(e.id)}
              className={[p.selected.has(e.id) ? 'selected' : '', dropTarget === e.id ? 'drop-target' : ''].join(' ')}
              onClick={(ev) => clickRow(ev, i, e)}
              onDoubleClick={() => p.actionsFor(e).includes('open') && p.onAction('open', e)}
              onKeyDown={(ev) => keyDown(ev, i, e)}
              onContextMenu={(ev) => {
                ev.preventDefault();
                if (!p.selected.has(e.id)) p.onSelect(new Set([e.id]));
                setMenu({ x: ev.clientX, y: ev.clientY, entry: e });
              }}
              draggable={!!p.onDropOnFolder && p.renaming !== e.id}
              onDragStart={(ev) => {
                const ids = p.selected.has(e.id) ? [...p.selected] : [e.id];
                ev.dataTransfer.setData('application/x-coffre-entries', JSON.stringify(ids));
                ev.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(ev) => {
                if (e.kind !== 'folder' || !ev.dataTransfer.types.includes('application/x-coffre-entries')) return;
                ev.preventDefault();
                setDropTarget(e.id);
              }}
              onDragLeave={() => setDropTarget((t) => (t === e.id ? null : t))}
              onDrop={(ev) => {
                const raw = ev.dataTransfer.getData('application/x-coffre-entries');
                setDropTarget(null);
                if (!raw || e.kind !== 'folder') return;
                ev.preventDefault();
                ev.stopPropagation();
                const ids = (JSON.parse(raw) as string[]).filter((id) => id !== e.id);
                if (ids.length) p.onDropOnFolder?.(ids, e);
              }}
            >
              <td className="col-check">
                <input
                  type="checkbox"
                  aria-label={`Select ${e.title}`}
                  checked={p.selected.has(e.id)}
                  onClick={(ev) => ev.stopPropagation()}
                  onChange={(ev) => {
                    const next = new Set(p.selected);
                    if (ev.target.checked) next.add(e.id);
                    else next.delete(e.id);
                    p.onSelect(next);
                  }}
                />
              </td>
              <td className="name">
                <EntryIcon entry={e} />{' '}
                {p.renaming === e.id ? (
                  <RenameInput entry={e} onDone={(name) => (name === null ? p.setRenaming(null) : p.onRename(e, name))} />
                ) : p.actionsFor(e).includes('open') ? (
                  <button
                    type="button"
                    className="link entry-name"
                    tabIndex={-1}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      p.onAction('open', e);
                    }}
                  >
                    {e.title}
                  </button>
                ) : (
                  <span className="entry-name">{e.title}</span>
                )}
                {e.sharedBy && <span className="muted"> · shared by {e.sharedBy}</span>}
              </td>
              <td className="muted">{new Date(e.trashedAt ?? e.modified).toLocaleString()}</td>
              <td className="muted">{e.kind === 'file' ? formatBytes(e.size) : '—'}</td>
              <td className="muted">{kindLabel(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {menu && (
        <ul className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }}>
          {p.actionsFor(menu.entry).map((a) => (
            <li key={a} role="menuitem" tabIndex={-1} onClick={() => p.onAction(a, menu.entry)}>
              {ACTION_LABELS[a]}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RenameInput({ entry, onDone }: { entry: FolderEntry; onDone(name: string | null): void }) {
  const [value, setValue] = useState(entry.title);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    const dot = entry.kind === 'file' ? entry.title.lastIndexOf('.') : -1;
    el.setSelectionRange(0, dot > 0 ? dot : entry.title.length);
  }, [entry]);
  return (
    <input
      ref={ref}
      aria-label="New name"
      value={value}
      maxLength={255}
      onClick={(ev) => ev.stopPropagation()}
      onChange={(ev) => setValue(ev.target.value)}
      onKeyDown={(ev) => {
        ev.stopPropagation();
        if (ev.key === 'Enter') onDone(value.trim() ? value : null);
        if (ev.key === 'Escape') onDone(null);
      }}
      onBlur={() => onDone(value.trim() ? value : null)}
    />
  );
}

const KIND_LABELS: Record<string, string> = { folder: 'Folder', doc: 'Document', sheet: 'Spreadsheet', calendar: 'Calendar', chat: 'Chat', image: 'Image', pdf: 'PDF', text: 'Text', audio: 'Audio', video: 'Video', other: 'File' };

function kindLabel(e: FolderEntry): string {
  return KIND_LABELS[e.kind === 'file' ? kindOfMime(e.mime, e.title) : e.kind] ?? 'File';
}
