import type * as Y from 'yjs';
import type { FolderEntry } from './FolderEntry.ts';
import { folderEntries, getFolderEntry } from './folderModel.ts';

/** Takes an entry out of the trash. Returns it, or null if there is no readable entry `id`. */
export function restoreFolderEntry(doc: Y.Doc, id: string): FolderEntry | null {
  const entry = getFolderEntry(doc, id);
  if (!entry) return null;
  folderEntries(doc).get(id)?.delete('trashedAt');
  return getFolderEntry(doc, id);
}
