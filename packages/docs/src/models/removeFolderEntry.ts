import type * as Y from 'yjs';
import type { FolderEntry } from './FolderEntry.ts';
import { folderEntries } from './folderModel.ts';
import { readFolderEntry } from './readFolderEntry.ts';

/**
 * Deletes an entry for good (the child's key goes with it). Whatever is stored
 * under `id` is deleted, malformed or not; returns the removed entry, or null if
 * nothing readable was there.
 */
export function removeFolderEntry(doc: Y.Doc, id: string): FolderEntry | null {
  const map = folderEntries(doc);
  if (!map.has(id)) return null;
  const removed = readFolderEntry(id, map.get(id));
  map.delete(id);
  return removed;
}
