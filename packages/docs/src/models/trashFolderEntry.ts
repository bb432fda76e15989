import type * as Y from 'yjs';
import type { FolderEntry } from './FolderEntry.ts';
import { getFolderEntry, updateFolderEntry } from './folderModel.ts';

/**
 * Moves an entry to the trash at time `at` (it stays in its folder, so restoring
 * puts it back where it was). `modified` is left alone: trashing is not an edit.
 * Returns the entry as now stored, or null if there is no readable entry `id`.
 * @throws Error if `at` is not a finite number.
 */
export function trashFolderEntry(doc: Y.Doc, id: string, at: number): FolderEntry | null {
  updateFolderEntry(doc, id, { trashedAt: at });
  return getFolderEntry(doc, id);
}
