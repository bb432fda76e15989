// The plaintext side of @coffre/docs: the encrypted sync engine and its models.
// The collab server may import only '@coffre/docs/wire'.
export { EncryptedDocSession, type DocKeys, type EncryptedDocOptions, type IntegrityEvent, type SnapshotAnchor } from './engine/EncryptedDocSession.ts';
export { DEFAULT_COMPACTION, type CompactionPolicy } from './engine/connectHocuspocus.ts';
export type { SnapshotCache, SnapshotControl, Version } from './engine/bindSnapshots.ts';
export { EncryptedAwareness } from './engine/EncryptedAwareness.ts';
export { connectHocuspocus, type ConnectionStatus, type HocuspocusConnection } from './engine/connectHocuspocus.ts';
export { createDeviceKey, type DeviceKey } from './engine/DeviceKey.ts';
export { writeAccessFromKey, writeAccessOf, type WriteAccess } from './engine/WriteAccess.ts';
export { newEntryWriteKey, openEntryWriteKey, wrapEntryWriteKey, type NewWriteFields } from './models/entryWriteKey.ts';
export { newFolderChild } from './models/newFolderChild.ts';
export { sealUpdateEnvelope } from './engine/sealUpdateEnvelope.ts';
export { openUpdateEnvelope, openUpdatePart } from './engine/openUpdateEnvelope.ts';
export { padUpdate, unpadPart, unpadUpdate, paddedLength } from './engine/padUpdate.ts';
export * from './wire/index.ts';
export { addFolderEntry, folderEntries, getFolderEntry, listFolderEntries, updateFolderEntry, type FolderEntryPatch } from './models/folderModel.ts';
export { ENTRY_KINDS, fileVersionKey, isFileEntry, type DocumentEntry, type EntryKind, type FileEntry, type FileVersionInfo, type FolderEntry } from './models/FolderEntry.ts';
export { trashFolderEntry } from './models/trashFolderEntry.ts';
export { renameFolderEntry } from './models/renameFolderEntry.ts';
export { restoreFolderEntry } from './models/restoreFolderEntry.ts';
export { removeFolderEntry } from './models/removeFolderEntry.ts';
export { addFileVersion } from './models/addFileVersion.ts';
export { copyEntryInto } from './models/copyEntryInto.ts';
export { moveFolderEntry } from './models/moveFolderEntry.ts';
export { sortEntries, type SortDirection, type SortKey } from './models/sortEntries.ts';
export { filterEntries } from './models/filterEntries.ts';
export { uniqueName } from './models/uniqueName.ts';
export { FALLBACK_ENTRY_NAME, cleanEntryName } from './models/cleanEntryName.ts';
export { safeDownloadName } from './models/safeDownloadName.ts';
export { MAX_ENTRY_NAME_LENGTH } from './models/fitEntryName.ts';
export { kindOfMime, type PreviewKind } from './models/kindOfMime.ts';
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
export * from './models/sheet/index.ts';
export * from './models/calendar/index.ts';
export * from './models/chat/index.ts';
