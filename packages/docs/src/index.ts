// The plaintext side of @coffre/docs: the encrypted sync engine and its models.
// The collab server may import only '@coffre/docs/wire'.
export { EncryptedDocSession, type DocKeys, type EncryptedDocOptions, type IntegrityEvent, type SnapshotAnchor } from './engine/EncryptedDocSession.ts';
export { DEFAULT_COMPACTION, type CompactionPolicy } from './engine/connectHocuspocus.ts';
export type { SnapshotCache, SnapshotControl, Version } from './engine/bindSnapshots.ts';
export { EncryptedAwareness } from './engine/EncryptedAwareness.ts';
export { connectHocuspocus, type ConnectionStatus, type HocuspocusConnection } from './engine/connectHocuspocus.ts';
export { createDeviceKey, type DeviceKey } from './engine/DeviceKey.ts';
export { sealUpdateEnvelope } from './engine/sealUpdateEnvelope.ts';
export { openUpdateEnvelope } from './engine/openUpdateEnvelope.ts';
export { padUpdate, unpadUpdate, paddedLength } from './engine/padUpdate.ts';
export * from './wire/index.ts';
export { addFolderEntry, folderEntries, getFolderEntry, listFolderEntries, updateFolderEntry, type FolderEntry } from './models/folderModel.ts';
export { TEXT_DOC, setTextDocTitle, textDocTitle } from './models/textDocModel.ts';
export {
  MAX_COMMENT_CHARS,
  addCommentThread,
  commentThreads,
  listCommentThreads,
  replyToThread,
  setThreadResolved,
  type CommentReply,
  type CommentThread,
} from './models/commentsModel.ts';
