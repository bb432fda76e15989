import type * as Y from 'yjs';
import { cleanEntryName } from './cleanEntryName.ts';
import { getFolderEntry, listFolderEntries, updateFolderEntry } from './folderModel.ts';
import { uniqueName } from './uniqueName.ts';

/**
 * Renames entry `id` to a cleaned `name`, made unique among the folder's
 * other entries (not in the trash). Returns whether anything changed: false
 * when there is no readable entry `id` or the name is the same.
 */
export function renameFolderEntry(doc: Y.Doc, id: string, name: string, at: number): boolean {
  const current = getFolderEntry(doc, id);
  if (!current) return false;
  const title = cleanEntryName(name);
  if (title === current.title) return false;
  const others = new Set(listFolderEntries(doc).filter((e) => !e.trashedAt && e.id !== id).map((e) => e.title));
  updateFolderEntry(doc, id, { title: uniqueName(others, title), modified: at });
  return true;
}
