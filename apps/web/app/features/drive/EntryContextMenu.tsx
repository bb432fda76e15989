import { useLayoutEffect, useRef, useState } from 'react';
import type { FolderEntry } from '@coffre/docs';

export type EntryAction = 'open' | 'share' | 'link' | 'copy' | 'download' | 'rename' | 'move' | 'trash' | 'restore' | 'delete' | 'versions' | 'upload-version';

const ACTION_LABELS: Record<EntryAction, string> = {
  open: 'Open',
  share: 'Share…',
  link: 'Get link…',
  download: 'Download',
  rename: 'Rename',
  move: 'Move to…',
  copy: 'Make a copy',
  trash: 'Move to trash',
  restore: 'Restore',
  delete: 'Delete forever',
  versions: 'Versions…',
  'upload-version': 'Upload new version…',
};

/** The right-click menu of an entry, at the pointer; any click or key closes it (see `useEntryInteractions`). */
export function EntryContextMenu({ at, actions, onAction }: { at: { x: number; y: number; entry: FolderEntry }; actions: EntryAction[]; onAction(action: EntryAction, e: FolderEntry): void }) {
  const ref = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState({ left: at.x, top: at.y });
  // Opened near the bottom or right edge, the menu moves up or left so every item can be reached.
  useLayoutEffect(() => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    setPlace({ left: Math.max(4, Math.min(at.x, window.innerWidth - r.width - 4)), top: Math.max(4, Math.min(at.y, window.innerHeight - r.height - 4)) });
  }, [at.x, at.y, actions.length]);
  return (
    <ul ref={ref} className="context-menu" role="menu" style={place}>
      {actions.map((a) => (
        <li key={a} role="menuitem" tabIndex={-1} onClick={() => onAction(a, at.entry)}>
          {ACTION_LABELS[a]}
        </li>
      ))}
    </ul>
  );
}
