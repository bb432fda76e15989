/** Every kind of child a folder can hold; all but 'file' point at another encrypted document. */
export const ENTRY_KINDS = ['folder', 'doc', 'sheet', 'calendar', 'chat', 'file'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** One uploaded version of a file; immutable once written. */
export type FileVersionInfo = {
  /** Strictly increasing per file; the highest is the current version. */
  version: number;
  /** Plaintext bytes. */
  size: number;
  /** Bytes stored on the server (chunks plus their AEAD overhead). */
  sealedSize: number;
  chunkCount: number;
  created: number;
  /** The uploader's user id. */
  uploadedBy: string;
  /**
   * This version's own key (base64url). Absent: sealed under the entry's key
   * (a file's first version, and every version uploaded before versions had
   * keys of their own). Read it with `fileVersionKey`.
   */
  key?: string;
  /**
   * Keyed BLAKE2b-256 of the plaintext (base64url, `createFileDigest`),
   * checked at download once the last chunk is open. Absent on versions
   * uploaded before digests were kept: their chunks' AEAD and the signed
   * chunk count still authenticate them (ADR 0015).
   */
  digest?: string;
};

type EntryBase = {
  id: string;
  title: string;
  /** The child's key (base64url): its document key for epoch `epoch`, or a file's key. */
  key: string;
  epoch: number;
  created: number;
  modified: number;
  /** Set for items someone shared with this user: their role and who shared. */
  role?: 'viewer' | 'editor' | 'admin';
  sharedBy?: string;
  /** When the entry was moved to the trash; absent while it is not in the trash. */
  trashedAt?: number;
  /**
   * Documents only (ADR 0016): the public write key of the child's epoch
   * `epoch` (base64url), which every reader checks writes against; absent
   * for a child made before write keys.
   */
  writer?: string;
  /** The child's write key, wrapped under this folder's write key (wrapWriteKey): only the folder's writers open it. */
  writeKey?: string;
};

/** A child that is itself an encrypted document. */
export type DocumentEntry = EntryBase & { kind: Exclude<EntryKind, 'file'> };

/** An uploaded file: its blobs are referenced by id and version; files stay at epoch 1. */
export type FileEntry = EntryBase & {
  kind: 'file';
  mime: string;
  /** Plaintext bytes of the current version. */
  size: number;
  /** Oldest first; never empty. */
  versions: FileVersionInfo[];
  /** Reserved for an encrypted preview image; nothing writes it yet. */
  thumbnail?: string;
};

/** What a folder knows of each child; lives inside the folder's encrypted document. */
export type FolderEntry = DocumentEntry | FileEntry;

export function isFileEntry(entry: FolderEntry): entry is FileEntry {
  return entry.kind === 'file';
}

/**
 * The key that opens one version of a file: its own, or the entry's. Each new
 * version gets a key of its own, so that someone who knew the file's keys and
 * lost access (ADR 0014) cannot read versions uploaded after.
 */
export function fileVersionKey(entry: FileEntry, version: FileVersionInfo): string {
  return version.key ?? entry.key;
}
