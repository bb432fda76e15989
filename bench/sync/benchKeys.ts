import type { SymmetricKey } from '@coffre/crypto';
import { writeAccessFromKey, type DocKeys } from '@coffre/docs';

/**
 * A document's keys as the app opens them for a writer: with its write key
 * (ADR 0016), so every envelope carries a write certificate and every reader
 * checks it. The bench reuses the document key as the write key: the code
 * path and its cost are the same; key separation is not what it measures.
 */
export function benchKeys(key: SymmetricKey): DocKeys {
  return { current: { epoch: 1, key, write: writeAccessFromKey(key) } };
}
