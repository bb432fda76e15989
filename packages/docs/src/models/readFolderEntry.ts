import * as Y from 'yjs';
import type { FolderEntry } from './FolderEntry.ts';
import { parseFolderEntry } from './parseFolderEntry.ts';

/**
 * Reads one value of a folder's `entries` map. Anything a buggy, old or hostile
 * client wrote that is not a well-formed entry (not a Y.Map, a mistyped field,
 * an unknown kind, a file whose `versions` is not a Y.Array of valid versions)
 * reads as null rather than half an entry. Never throws.
 */
export function readFolderEntry(id: string, value: unknown): FolderEntry | null {
  if (!(value instanceof Y.Map)) return null;
  const m = value as Y.Map<unknown>;
  const versions = m.get('versions');
  return parseFolderEntry(id, (f) => m.get(f), versions instanceof Y.Array ? versions.toArray() : null);
}
