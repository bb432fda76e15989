import { constantTimeEqual, deriveWriteKeyPair, fromBase64Url, generateSymmetricKey, toBase64Url, unwrapWriteKey, wrapWriteKey, type SymmetricKey } from '@coffre/crypto';
import type { DocumentEntry } from './FolderEntry.ts';

/** The write fields of a new child, or of a child at a new epoch (ADR 0016). */
export type NewWriteFields = { writer: string; writeKey: string; key: SymmetricKey };

/**
 * A fresh write key for document `itemId` at `epoch`: its public half for the
 * entry's `writer`, itself wrapped under the folder's write key for the
 * entry's `writeKey`, and itself for whoever seals grants or links.
 */
export function newEntryWriteKey(itemId: string, epoch: number, folderWriteKey: SymmetricKey): NewWriteFields {
  const key = generateSymmetricKey();
  return { writer: toBase64Url(deriveWriteKeyPair(key).publicKey), writeKey: toBase64Url(wrapWriteKey(folderWriteKey, key, { itemId, epoch })), key };
}

/**
 * Opens a child's write key with the write key of the folder holding the
 * entry. Undefined when the entry has none (made before write keys), when
 * this user cannot write the folder (null), or when what is there does not
 * open or does not match the entry's writer: then the child is read-only
 * here, never writable under a key that is not its own.
 */
export function openEntryWriteKey(entry: Pick<DocumentEntry, 'id' | 'epoch' | 'writer' | 'writeKey'>, folderWriteKey: SymmetricKey | null): SymmetricKey | undefined {
  if (!entry.writer || !entry.writeKey || !folderWriteKey) return undefined;
  try {
    const key = unwrapWriteKey(folderWriteKey, fromBase64Url(entry.writeKey), { itemId: entry.id, epoch: entry.epoch });
    return constantTimeEqual(deriveWriteKeyPair(key).publicKey, fromBase64Url(entry.writer)) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The entry's write key wrapped under another folder's write key, for a move or a share filed in my root. */
export function wrapEntryWriteKey(entry: Pick<DocumentEntry, 'id' | 'epoch'>, writeKey: SymmetricKey, folderWriteKey: SymmetricKey): string {
  return toBase64Url(wrapWriteKey(folderWriteKey, writeKey, { itemId: entry.id, epoch: entry.epoch }));
}
