import { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS, deriveSubkey, domainHash, toBase64Url, type SymmetricKey } from '@coffre/crypto';

/**
 * The user's root folder: its key comes from the master key, its id from a
 * hash of that key. Its write key (ADR 0016) too: it wraps the write keys of
 * what sits in my root. The root itself has no writer to check: nobody but
 * me can read it, so nobody else could write it either.
 */
export function rootFolderKeys(masterKey: SymmetricKey): { docId: string; key: SymmetricKey; writeKey: SymmetricKey } {
  const key = deriveSubkey(masterKey, 1, KDF_CONTEXTS.rootFolder);
  const writeKey = deriveSubkey(masterKey, SUBKEY_IDS.rootWrite, KDF_CONTEXTS.rootWrite);
  return { docId: toBase64Url(domainHash(DOMAINS.rootDocId, key)).slice(0, 32), key, writeKey };
}
