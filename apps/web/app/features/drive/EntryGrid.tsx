import { EntryCheckbox } from './EntryCheckbox.tsx';
import { EntryContextMenu } from './EntryContextMenu.tsx';
import type { EntryListProps, SortBy } from './EntryListProps.ts';
import { EntryName } from './EntryName.tsx';
import { EntryThumbnail } from './EntryThumbnail.tsx';
import { formatBytes } from './formatBytes.ts';
import { useEntryInteractions } from './useEntryInteractions.ts';

const SORT_LABELS: Record<SortBy, string> = { name: 'Name', modified: 'Modified', size: 'Size', kind: 'Kind' };

/** The grid view: tiles with thumbnails, and the list's selection, keyboard, menu and drag onto folders. */
export function EntryGrid(p: EntryListProps) {
  const { containerRef, menu, itemProps } = useEntryInteractions(p, 'grid');
  if (p.entries.length === 0) return <p className="muted empty">{p.emptyText}</p>;
  return (
    <>
      <div className="entry-grid-bar">
        <label>
          <input
            type="checkbox"
            checked={p.selected.size > 0 && p.selected.size === p.entries.length}
            onChange={(ev) => p.onSelect(new Set(ev.target.checked ? p.entries.map((e) => e.id) : []))}
          />{' '}
          Select all
        </label>
        <label>
          Sort by{' '}
          <select value={p.sort.by} onChange={(ev) => p.onSort(ev.target.value as SortBy)}>
            {Object.entries(SORT_LABELS).map(([by, label]) => (
              <option key={by} value={by}>{label}</option>
            ))}
          </select>
        </label>
        <button type="button" className="ghost" aria-label={p.sort.dir === 'asc' ? 'Ascending; sort descending' : 'Descending; sort ascending'} onClick={() => p.onSort(p.sort.by)}>
          {p.sort.dir === 'asc' ? '▲' : '▼'}
        </button>
      </div>
      <ul className="entry-grid" ref={containerRef}>
        {p.entries.map((e, i) => {
          const item = itemProps(e, i);
          return (
            <li key={e.id} {...item} className={`tile ${item.className}`}>
              <EntryCheckbox entry={e} selected={p.selected} onSelect={p.onSelect} />
              <div className="tile-picture">
                <EntryThumbnail entry={e} />
              </div>
              <div className="tile-name">
                <EntryName entry={e} p={p} />
              </div>
              <div className="tile-meta muted">{e.kind === 'file' ? formatBytes(e.size) : e.sharedBy ? `Shared by ${e.sharedBy}` : '\u00a0'}</div>
            </li>
          );
        })}
      </ul>
      {menu && <EntryContextMenu at={menu} actions={p.actionsFor(menu.entry)} onAction={p.onAction} />}
    </>
  );
}
