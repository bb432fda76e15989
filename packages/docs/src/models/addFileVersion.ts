import * as Y from 'yjs';
import type { FileEntry, FileVersionInfo } from './FolderEntry.ts';
import { folderEntries } from './folderModel.ts';
import { parseFileVersion } from './parseFolderEntry.ts';
import { readFolderEntry } from './readFolderEntry.ts';

/**
 * Appends a new version to a file entry and makes it current: sets `size` to its
 * plaintext size and `modified` to its `created`. Two peers racing to append the
 * same version number both keep theirs; readers then agree on the later one in
 * array order.
 * @throws Error if `id` is not a readable file entry, `info` is malformed, or
 * `info.version` is not greater than every existing version; nothing is written then.
 */
export function addFileVersion(doc: Y.Doc, id: string, info: FileVersionInfo): FileEntry {
  const m = folderEntries(doc).get(id);
  const entry = readFolderEntry(id, m);
  if (!m || !entry || entry.kind !== 'file') throw new Error(`not a file entry: ${id}`);
  const version = parseFileVersion({ ...info });
  if (!version) throw new Error(`invalid file version for ${id}`);
  const latest = entry.versions[entry.versions.length - 1]!.version;
  if (version.version <= latest) throw new Error(`file version ${version.version} is not after ${latest} for ${id}`);
  const versions = m.get('versions') as Y.Array<unknown>;
  doc.transact(() => {
    versions.push([version]);
    m.set('size', version.size);
    m.set('modified', version.created);
  });
  return readFolderEntry(id, m) as FileEntry;
}
