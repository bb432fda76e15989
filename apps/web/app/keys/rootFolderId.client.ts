import { DOMAINS, KDF_CONTEXTS, deriveSubkey, domainHash, toBase64Url, type SymmetricKey } from '@coffre/crypto';

/** The user's root folder: its key comes from the master key, its id from a hash of that key. */
export function rootFolderKeys(masterKey: SymmetricKey): { docId: string; key: SymmetricKey } {
  const key = deriveSubkey(masterKey, 1, KDF_CONTEXTS.rootFolder);
  return { docId: toBase64Url(domainHash(DOMAINS.rootDocId, key)).slice(0, 32), key };
}
