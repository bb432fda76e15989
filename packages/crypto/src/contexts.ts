/**
 * Every domain-separation string and every crypto_kdf context of Coffre, in
 * one place so that uniqueness is checked by one test (contexts.test.ts).
 * Changing a value breaks every ciphertext made with it: add a /v<n+1> instead.
 */

/** Domain strings, `coffre/<purpose>/v<n>`, bound into AAD and signatures. */
export const DOMAINS = {
  // key wrapping, one domain per purpose (see WRAP_DOMAINS)
  wrapMasterKeyPassword: 'coffre/wrap/master-key-password/v1',
  wrapMasterKeyRecovery: 'coffre/wrap/master-key-recovery/v1',
  wrapIdentity: 'coffre/wrap/identity/v1',
  wrapItemKey: 'coffre/wrap/item-key/v1',
  wrapFileKey: 'coffre/wrap/file-key/v1',
  wrapLinkGrant: 'coffre/wrap/link-grant/v1',
  // a child's write key inside its folder's entry, under a key only the folder's writers have (ADR 0016)
  wrapWriteKey: 'coffre/wrap/write-key/v1',
  // identity and people
  publicBundle: 'coffre/public-bundle/v1',
  fingerprint: 'coffre/fingerprint/v1',
  safetyNumber: 'coffre/safety-number/v1',
  grant: 'coffre/grant/v1',
  // v3 adds the item's public write key and, for editors and admins, its write key (ADR 0016)
  grantPayload: 'coffre/grant-payload/v3',
  // v2 adds itemKind, itemName and padding; still read (items shared before write keys); v1 grants are refused
  grantPayloadV2: 'coffre/grant-payload/v2',
  // account recovery
  recoveryProof: 'coffre/recovery-proof/v1',
  recoveryKeyChecksum: 'coffre/recovery-key-checksum/v1',
  // files and links
  fileChunk: 'coffre/file-chunk/v1',
  // BLAKE2b-256 of a file version's plaintext, kept in its signed, encrypted version record (ADR 0015)
  fileDigest: 'coffre/file-digest/v1',
  linkId: 'coffre/link-id/v1',
  linkPassword: 'coffre/link-password/v1',
  linkFragmentChecksum: 'coffre/link-fragment-checksum/v1',
  // what a link's sealed payload binds, and the proof a visitor shows to get it (ADR 0008)
  linkPayload: 'coffre/link-payload/v1',
  linkAccess: 'coffre/link-access/v1',
  // encrypted documents (used by @coffre/docs)
  docUpdate: 'coffre/doc-update/v1',
  docSnapshot: 'coffre/doc-snapshot/v1',
  docAwareness: 'coffre/doc-awareness/v1',
  memberList: 'coffre/member-list/v1',
  deviceCert: 'coffre/device-cert/v1',
  // an item's write key certifies a device key for one document and epoch: only holders of the write key may write (ADR 0016)
  writeCert: 'coffre/write-cert/v1',
  envelopeHash: 'coffre/envelope-hash/v1',
  rootDocId: 'coffre/root-doc-id/v1',
  snapshotChain: 'coffre/snapshot-chain/v1',
  docPending: 'coffre/doc-pending/v1',
  // a chat message, edit or reaction, signed by its author inside the room's encrypted document (ADR 0011)
  chatRecord: 'coffre/chat-record/v1',
  // an unfinished upload's target and keys, kept in the browser to resume after a reload (ADR 0007)
  uploadResume: 'coffre/upload-resume/v1',
  // the browser's sealed master-key cache (apps/web, ADR 0003)
  sessionCache: 'coffre/session-cache/v1',
  // HMAC input for the per-session unlock key, computed by the web server (ADR 0003)
  sessionUnlock: 'coffre/session-unlock/v1',
} as const;

export type Domain = (typeof DOMAINS)[keyof typeof DOMAINS];

/** What a wrapped key is for; part of the wrap domain so blobs cannot change purpose. */
export type WrapPurpose =
  | 'master-key-password'
  | 'master-key-recovery'
  | 'identity'
  | 'item-key'
  | 'file-key'
  | 'link-grant'
  | 'write-key';

export const WRAP_DOMAINS: Readonly<Record<WrapPurpose, Domain>> = {
  'master-key-password': DOMAINS.wrapMasterKeyPassword,
  'master-key-recovery': DOMAINS.wrapMasterKeyRecovery,
  identity: DOMAINS.wrapIdentity,
  'item-key': DOMAINS.wrapItemKey,
  'file-key': DOMAINS.wrapFileKey,
  'link-grant': DOMAINS.wrapLinkGrant,
  'write-key': DOMAINS.wrapWriteKey,
};

/** crypto_kdf contexts: exactly 8 bytes each. */
export const KDF_CONTEXTS = {
  /** export key → key-encryption key for the master key */
  accountKek: 'acctkek_',
  /** master key → key wrapping the identity secret keys */
  keyWrap: 'keywrap_',
  /** any data key → key of the AEAD key-commitment tag */
  commitment: 'commit__',
  /** link secret → key of the server-visible link id */
  linkId: 'linkid__',
  /** link secret (or secret+password mix) → link key */
  linkKey: 'linkkey_',
  /** link key → key of the access proof the server checks before it hands out a link's payload */
  linkAccess: 'linkauth',
  /** recovery key → Ed25519 seed proving knowledge of it */
  recoverySigning: 'recovsig',
  /** recovery key → key wrapping the master key */
  recoveryWrap: 'recovwrp',
  /** master key → key of the user's root folder document */
  rootFolder: 'rootfold',
  /** an item's write key → the Ed25519 seed that certifies its writers' device keys (ADR 0016) */
  writeSigning: 'writesig',
  /** a folder's write key → the key wrapping its children's write keys in its entries */
  writeWrap: 'writewrp',
  /** master key → the write key of the user's root folder */
  rootWrite: 'rootwrit',
  /** known-answer self-test only */
  selfTest: 'selftest',
} as const;

export type KdfContext = (typeof KDF_CONTEXTS)[keyof typeof KDF_CONTEXTS];

/** Subkey ids used with the contexts above (crypto_kdf subkey_id). */
export const SUBKEY_IDS = {
  commitment: 1,
  identityWrap: 1,
  accountKek: 1,
  linkId: 1,
  linkKeyNoPassword: 1,
  linkKeyWithPassword: 2,
  linkAccess: 1,
  recoverySigning: 1,
  recoveryWrap: 1,
  writeSigning: 1,
  writeWrap: 1,
  rootWrite: 1,
} as const;

const DOMAIN_SET: ReadonlySet<string> = new Set(Object.values(DOMAINS));

export function isDomain(value: string): value is Domain {
  return DOMAIN_SET.has(value);
}
