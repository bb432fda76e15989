import type * as Y from 'yjs';
import { copyEntryInto } from './copyEntryInto.ts';
import type { FolderEntry } from './FolderEntry.ts';
import { getFolderEntry } from './folderModel.ts';
import { removeFolderEntry } from './removeFolderEntry.ts';

/**
 * Moves entry `id` from folder `source` to folder `target`: adds it to the target
 * first and only then removes it from the source, so a failure in between leaves
 * two copies, never none. Returns the moved entry, or null (nothing changed) if
 * `source` has no readable entry `id`. Moving within one folder changes nothing.
 * The caller must refuse to move a folder into itself or its own subtree, which
 * these two documents alone cannot tell.
 */
export function moveFolderEntry(source: Y.Doc, target: Y.Doc, id: string): FolderEntry | null {
  const entry = getFolderEntry(source, id);
  if (!entry) return null;
  // Same document: adding then removing would delete the entry.
  if (source === target) return entry;
  const moved = copyEntryInto(target, entry);
  removeFolderEntry(source, id);
  return moved;
}
