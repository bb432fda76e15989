import { constantTimeEqual, deriveWriteKeyPair, fromBase64Url, type SymmetricKey } from '@coffre/crypto';
import { openEntryWriteKey, wrapEntryWriteKey, type DocumentEntry } from '@coffre/docs';

/**
 * The write keys this tab holds, by document id (ADR 0016): my root folder's
 * from my master key, a shared item's from its grant, every other one opened
 * from its folder's entry with that folder's write key. In memory only.
 */
const byDocId = new Map<string, SymmetricKey[]>();

/** Newest last; older ones stay, so entries a rotation has not rewritten yet still open. */
export function rememberWriteKey(docId: string, key: SymmetricKey): void {
  const known = (byDocId.get(docId) ?? []).filter((k) => !constantTimeEqual(k, key));
  byDocId.set(docId, [...known, key]);
}

/** My newest write key for a folder or document, or null when I may not write it (or it predates write keys). */
export function writeKeyOf(docId: string): SymmetricKey | null {
  return byDocId.get(docId)?.at(-1) ?? null;
}

/** Forget every write key (logging out). */
export function forgetWriteKeys(): void {
  byDocId.clear();
}

/**
 * What opening a child document needs to check writes, and to write when I
 * can write the folder holding its entry: the entry's writer and, opened
 * with the folder's write key, the child's write key (remembered for its own
 * children).
 */
export function entryWriteKeys(entry: Pick<DocumentEntry, 'id' | 'epoch' | 'writer' | 'writeKey'>, folderId: string): { writer?: string; writeKey?: SymmetricKey } {
  if (!entry.writer) return {};
  const candidates = [...(byDocId.get(folderId) ?? [])].reverse();
  const writeKey = candidates.map((k) => openEntryWriteKey(entry, k)).find((k) => k !== undefined) ?? ownKeyFor(entry);
  if (writeKey) rememberWriteKey(entry.id, writeKey);
  return { writer: entry.writer, ...(writeKey && { writeKey }) };
}

/** A write key held for the item itself (from its grant, or a rotation made here) that is the entry's writer's. */
function ownKeyFor(entry: { id: string; writer?: string }): SymmetricKey | undefined {
  if (!entry.writer) return undefined;
  const writer = fromBase64Url(entry.writer);
  return [...(byDocId.get(entry.id) ?? [])].reverse().find((k) => constantTimeEqual(deriveWriteKeyPair(k).publicKey, writer));
}

/** An item's keys at a new epoch, as a rotation made them (ADR 0006, 0016). */
export type RotatedKeys = { epoch: number; key: string; writer: string; writeKey: SymmetricKey };

/**
 * The patch for the item's entry in folder `folderId` after a rotation: the
 * new key and epoch, the new writer, and the new write key wrapped under the
 * folder's write key when I hold it (else the entry is read-only here until
 * a writer of the folder files it).
 */
export function rotatedEntryPatch(itemId: string, rotated: RotatedKeys, folderId: string): { epoch: number; key: string; writer: string; writeKey?: string; modified: number } {
  const folderWriteKey = writeKeyOf(folderId);
  return {
    epoch: rotated.epoch,
    key: rotated.key,
    writer: rotated.writer,
    ...(folderWriteKey && { writeKey: wrapEntryWriteKey({ id: itemId, epoch: rotated.epoch }, rotated.writeKey, folderWriteKey) }),
    modified: Date.now(),
  };
}
