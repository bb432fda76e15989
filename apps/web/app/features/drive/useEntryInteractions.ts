import { useCallback, useEffect, useRef, useState } from 'react';
import type { FolderEntry } from '@coffre/docs';
import type { EntryListProps } from './EntryListProps.ts';

const DRAG_TYPE = 'application/x-coffre-entries';

type Menu = { x: number; y: number; entry: FolderEntry };

/**
 * Selection (click, Ctrl/⌘-click, Shift-click), keyboard, right-click menu and
 * drag-onto-folder for a view of entries, shared by the list and the grid.
 * `layout` says how the arrow keys move: rows go up and down; a grid also
 * goes left and right, and up and down by as many items as fit on a line.
 */
export function useEntryInteractions(p: EntryListProps, layout: 'rows' | 'grid') {
  const [menu, setMenu] = useState<Menu | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const anchor = useRef<number>(-1);
  const container = useRef<HTMLElement | null>(null);
  const containerRef = useCallback((el: HTMLElement | null) => {
    container.current = el;
  }, []);

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

  function click(ev: React.MouseEvent, index: number, e: FolderEntry) {
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
    const items = container.current?.querySelectorAll<HTMLElement>('[data-id]');
    const focusItem = (i: number) => {
      const item = items?.[i];
      if (!item) return;
      item.focus();
      p.onSelect(new Set([p.entries[i]!.id]));
      anchor.current = i;
    };
    const last = p.entries.length - 1;
    const step = layout === 'grid' && items ? itemsPerLine(items) : 1;
    const actions = p.actionsFor(e);
    if (ev.key === 'ArrowDown') focusItem(Math.min(last, index + step));
    else if (ev.key === 'ArrowUp') focusItem(Math.max(0, index - step));
    else if (ev.key === 'ArrowRight' && layout === 'grid') focusItem(Math.min(last, index + 1));
    else if (ev.key === 'ArrowLeft' && layout === 'grid') focusItem(Math.max(0, index - 1));
    else if (ev.key === 'Enter' && actions.includes('open')) p.onAction('open', e);
    else if (ev.key === 'F2' && actions.includes('rename')) p.setRenaming(e.id);
    else if (ev.key === 'Delete' && actions.includes('trash')) p.onAction('trash', e);
    else if ((ev.key === 'a' || ev.key === 'A') && (ev.ctrlKey || ev.metaKey)) p.onSelect(new Set(p.entries.map((x) => x.id)));
    else return;
    ev.preventDefault();
  }

  /** Everything one item (a row or a tile) needs; spread it on the item's element. */
  function itemProps(e: FolderEntry, index: number) {
    const selected = p.selected.has(e.id);
    return {
      'data-id': e.id,
      tabIndex: 0,
      'aria-selected': selected,
      className: [selected ? 'selected' : '', dropTarget === e.id ? 'drop-target' : ''].join(' '),
      onClick: (ev: React.MouseEvent) => click(ev, index, e),
      onDoubleClick: () => p.actionsFor(e).includes('open') && p.onAction('open', e),
      onKeyDown: (ev: React.KeyboardEvent) => keyDown(ev, index, e),
      onContextMenu: (ev: React.MouseEvent) => {
        ev.preventDefault();
        if (!selected) p.onSelect(new Set([e.id]));
        setMenu({ x: ev.clientX, y: ev.clientY, entry: e });
      },
      draggable: !!p.onDropOnFolder && p.renaming !== e.id,
      onDragStart: (ev: React.DragEvent) => {
        const ids = selected ? [...p.selected] : [e.id];
        ev.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
        ev.dataTransfer.effectAllowed = 'move';
      },
      onDragOver: (ev: React.DragEvent) => {
        if (e.kind !== 'folder' || !ev.dataTransfer.types.includes(DRAG_TYPE)) return;
        ev.preventDefault();
        setDropTarget(e.id);
      },
      onDragLeave: () => setDropTarget((t) => (t === e.id ? null : t)),
      onDrop: (ev: React.DragEvent) => {
        const raw = ev.dataTransfer.getData(DRAG_TYPE);
        setDropTarget(null);
        if (!raw || e.kind !== 'folder') return;
        ev.preventDefault();
        ev.stopPropagation();
        const ids = draggedIds(raw).filter((id) => id !== e.id);
        if (ids.length) p.onDropOnFolder?.(ids, e);
      },
    };
  }

  /** `containerRef` goes on the element that holds the items, for keyboard focus. */
  return { containerRef, menu, itemProps };
}

/** How many items share the first line of a wrapped grid. */
function itemsPerLine(items: NodeListOf<HTMLElement>): number {
  const top = items[0]?.offsetTop;
  let n = 0;
  while (n < items.length && items[n]!.offsetTop === top) n++;
  return Math.max(1, n);
}

/** The ids a drag carries; another page can put anything under our type, so anything else reads as none. */
function draggedIds(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
