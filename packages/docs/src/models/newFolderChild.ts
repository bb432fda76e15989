import { generateSymmetricKey, toBase64Url, type SymmetricKey } from '@coffre/crypto';
import { cleanEntryName } from './cleanEntryName.ts';
import { newEntryWriteKey } from './entryWriteKey.ts';
import type { DocumentEntry } from './FolderEntry.ts';
import { uniqueName } from './uniqueName.ts';

/**
 * The entry of a new folder or document `id` (already registered with the
 * server) for a folder: a fresh key at epoch 1, a cleaned name unique among
 * `existing`, and (ADR 0016) a fresh write key wrapped under the folder's,
 * returned too so the maker can write the new item. A folder made before
 * write keys (`folderWriteKey` null) files children without one.
 */
export function newFolderChild(input: { id: string; kind: DocumentEntry['kind']; name: string; existing: Iterable<string>; folderWriteKey: SymmetricKey | null; now: number }): { entry: DocumentEntry; writeKey?: SymmetricKey } {
  const write = input.folderWriteKey ? newEntryWriteKey(input.id, 1, input.folderWriteKey) : null;
  const entry: DocumentEntry = {
    id: input.id,
    kind: input.kind,
    title: uniqueName(input.existing, cleanEntryName(input.name)),
    key: toBase64Url(generateSymmetricKey()),
    epoch: 1,
    created: input.now,
    modified: input.now,
    ...(write && { writer: write.writer, writeKey: write.writeKey }),
  };
  return { entry, ...(write && { writeKey: write.key }) };
}
