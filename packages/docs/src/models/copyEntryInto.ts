import type * as Y from 'yjs';
import type { FolderEntry } from './FolderEntry.ts';
import { addFolderEntry, getFolderEntry } from './folderModel.ts';

/**
 * Writes `entry`, every field and every file version, into the folder `target`,
 * replacing an entry with the same id there (so a move retried after a crash
 * between its two steps is harmless). Returns the entry as `target` now holds it.
 * @throws Error if the entry would not read back; nothing is written then.
 */
export function copyEntryInto(target: Y.Doc, entry: FolderEntry): FolderEntry {
  addFolderEntry(target, entry);
  return getFolderEntry(target, entry.id)!;
}
