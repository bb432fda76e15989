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
  return (
    <ul className="context-menu" role="menu" style={{ left: at.x, top: at.y }}>
      {actions.map((a) => (
        <li key={a} role="menuitem" tabIndex={-1} onClick={() => onAction(a, at.entry)}>
          {ACTION_LABELS[a]}
        </li>
      ))}
    </ul>
  );
}
