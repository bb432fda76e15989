import type { FolderEntry } from '@coffre/docs';
import type { EntryAction } from './EntryContextMenu.tsx';

export type SortBy = 'name' | 'modified' | 'size' | 'kind';

/** What the list and the grid view both take, so a folder can swap one for the other. */
export type EntryListProps = {
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
  /** Items dragged onto a folder. */
  onDropOnFolder?(ids: string[], folder: FolderEntry): void;
  emptyText: string;
};
