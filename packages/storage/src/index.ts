export { assertBlobKey, BLOB_KEY_PATTERN } from './assertBlobKey.ts';
export { BLOBS_DIR_NAME, createStorage, SQLITE_FILE_NAME } from './createStorage.ts';
export { DiskBlobStore, type DiskBlobStoreOptions } from './disk/DiskBlobStore.ts';
export { BLOB_READ_CHUNK_BYTES } from './disk/readFileRange.ts';
export { decodeLinkRecordPayload, encodeLinkRecordPayload, linkVerifier, proofMatches, type LinkRecordPayload } from './linkRecordPayload.ts';
export type { AccountRecord, AccountStore, CredentialUpdate } from './interfaces/AccountStore.ts';
export type { BlobPutOptions, BlobRange, BlobStat, BlobStore } from './interfaces/BlobStore.ts';
export type { DocumentRecord, DocumentStore, DocumentSummary, JournalAppend, NewDocument } from './interfaces/DocumentStore.ts';
export type { EphemeralStore } from './interfaces/EphemeralStore.ts';
export type {
  FileChunkRecord,
  FileRecord,
  FileStore,
  FileVersionRecord,
  FileVersionState,
  NewFileVersion,
} from './interfaces/FileStore.ts';
export type { GrantRecord, GrantStore } from './interfaces/GrantStore.ts';
export type { LinkRecord, LinkRole, LinkStore } from './interfaces/LinkStore.ts';
export type { MemberRole, MembershipRecord, MembershipStore } from './interfaces/MembershipStore.ts';
export type { QuotaLedger, QuotaUsage } from './interfaces/QuotaLedger.ts';
export type { RateLimitDecision, RateLimitRule, RateLimitStore } from './interfaces/RateLimitStore.ts';
export type { SessionRecord, SessionStore } from './interfaces/SessionStore.ts';
export type { SettingsStore } from './interfaces/SettingsStore.ts';
export type { SnapshotRecord, SnapshotStore } from './interfaces/SnapshotStore.ts';
export type { Storage } from './interfaces/Storage.ts';
export type { StorageConfig } from './interfaces/StorageConfig.ts';
export type { StorageTransaction } from './interfaces/StorageTransaction.ts';
export { isSameOrUnder } from './isSameOrUnder.ts';
export { MAX_TREE_DEPTH } from './maxTreeDepth.ts';
export { SQLITE_BUSY_TIMEOUT_MS } from './sqlite/openSqliteDatabase.ts';
export { StorageError, type StorageErrorCode } from './StorageError.ts';
