import { randomBytes, toBase64Url } from '@coffre/crypto';
import {
  addFolderEntry,
  cleanEntryName,
  getFolderEntry,
  listFolderEntries,
  moveFolderEntry,
  newFolderChild,
  removeFolderEntry,
  renameFolderEntry,
  restoreFolderEntry,
  trashFolderEntry,
  uniqueName,
  updateFolderEntry,
  newEntryWriteKey,
  wrapEntryWriteKey,
  type FolderEntry,
} from '@coffre/docs';
import { apiFetch } from '../../api/apiFetch.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { rootFolderKeys } from '../../keys/rootFolderId.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { uploadResumeStore, type ResumeRecord } from '../../keys/uploadResumeStore.client.ts';
import { entryWriteKeys, rememberWriteKey, writeKeyOf } from '../../keys/writeKeys.client.ts';
import { retainFolder } from './folderSessions.client.ts';
import { uploadIntoFolder, type PlannedUpload, type StartedUpload } from './uploadIntoFolder.client.ts';

export type CreatableKind = 'folder' | 'doc' | 'sheet' | 'calendar' | 'chat';

const newId = () => toBase64Url(randomBytes(16));

/**
 * What a person can do in one open folder. Every change is a signed,
 * encrypted edit of the folder document; the server only learns that an id
 * now sits under this folder's id.
 */
export class DriveFolderActions {
  constructor(
    readonly folderId: string,
    readonly open: OpenDoc,
    /** This folder's own key and epoch, for resume records. */
    private readonly self: { key: string; epoch: number },
    private readonly account: UnlockedAccount,
  ) {}

  private get rootKey() {
    return rootFolderKeys(this.account.masterKey).key;
  }

  private get doc() {
    return this.open.session.doc;
  }

  names(): Set<string> {
    return new Set(listFolderEntries(this.doc).filter((e) => !e.trashedAt).map((e) => e.title));
  }

  /** A new folder or document: registered under this folder, then filed here with a fresh key. */
  async create(kind: CreatableKind, name: string): Promise<FolderEntry> {
    const id = newId();
    await apiFetch('/docs', { docId: id, parentId: this.folderId });
    // Its write key goes under this folder's (ADR 0016).
    const { entry, writeKey } = newFolderChild({ id, kind, name, existing: this.names(), folderWriteKey: writeKeyOf(this.folderId), now: Date.now() });
    if (writeKey) rememberWriteKey(id, writeKey);
    addFolderEntry(this.doc, entry);
    this.open.session.flush();
    return entry;
  }

  /** Renames an entry (cleaned, unique here); returns it renamed, or null when nothing changed. */
  rename(id: string, name: string): FolderEntry | null {
    if (!renameFolderEntry(this.doc, id, name, Date.now())) return null;
    this.open.session.flush();
    return getFolderEntry(this.doc, id);
  }

  trash(ids: string[]): void {
    const at = Date.now();
    this.doc.transact(() => ids.forEach((id) => trashFolderEntry(this.doc, id, at)));
    this.open.session.flush();
  }

  restore(ids: string[]): void {
    this.doc.transact(() => ids.forEach((id) => restoreFolderEntry(this.doc, id)));
    this.open.session.flush();
  }

  /** Deletes on the server first (ciphertext and quota), then drops the entry; a failure leaves the entry in the trash. */
  async deleteForever(ids: string[]): Promise<void> {
    for (const id of ids) {
      const entry = getFolderEntry(this.doc, id);
      if (!entry) continue;
      await apiFetch(entry.kind === 'file' ? `/files/${id}` : `/docs/${id}`, undefined, { method: 'DELETE' });
      removeFolderEntry(this.doc, id);
    }
    this.open.session.flush();
  }

  /** Moves entries into another open folder: server parent first, then the entry is added there before it leaves here. */
  async moveTo(ids: string[], target: { folderId: string; open: OpenDoc }): Promise<void> {
    if (target.folderId === this.folderId) return;
    for (const id of ids) {
      const entry = getFolderEntry(this.doc, id);
      if (!entry || id === target.folderId) continue;
      const rewrapped = this.writeKeyFor(entry, target.folderId);
      await apiFetch(entry.kind === 'file' ? `/files/${id}/move` : `/docs/${id}/move`, { parentId: target.folderId });
      const names = new Set(listFolderEntries(target.open.session.doc).filter((e) => !e.trashedAt).map((e) => e.title));
      const moved = moveFolderEntry(this.doc, target.open.session.doc, id);
      if (moved && rewrapped) updateFolderEntry(target.open.session.doc, id, { writeKey: rewrapped });
      const title = moved ? uniqueName(names, moved.title) : null;
      if (moved && title !== moved.title) updateFolderEntry(target.open.session.doc, id, { title: title! });
    }
    target.open.session.flush();
    this.open.session.flush();
  }

  /**
   * An entry's write key wrapped for folder `targetId` (ADR 0016): the entry
   * leaves this folder, whose write key wraps it now. Undefined for entries
   * without one. @throws Error when I cannot open it or cannot write the target
   */
  private writeKeyFor(entry: FolderEntry, targetId: string): string | undefined {
    if (entry.kind === 'file' || !entry.writer) return undefined;
    const own = entryWriteKeys(entry, this.folderId).writeKey;
    const target = writeKeyOf(targetId);
    if (!own || !target) throw new Error(`“${entry.title}” can only be moved between folders you can edit.`);
    return wrapEntryWriteKey(entry, own, target);
  }

  /**
   * An upload into this folder (uploadIntoFolder). A sealed resume record
   * lets a reload finish it.
   */
  startUpload(file: File, opts: { replaceId?: string; name?: string } = {}): StartedUpload {
    const name = opts.name ?? file.name;
    const uploadedBy = this.account.username;
    const { userId } = this.account;
    const record = (plan: PlannedUpload): ResumeRecord => ({
      fileId: plan.fileId,
      version: plan.version,
      fileKey: plan.fileKey,
      parent: { id: this.folderId, key: this.self.key, epoch: this.self.epoch, canWrite: true, ...this.writeFields() },
      name,
      mime: file.type,
      replacing: plan.replacing,
      uploadedBy,
    });
    // The file is recorded in this folder's session when the upload ends: keep it open until then, whatever view is shown.
    const release = retainFolder(this.folderId);
    const started = uploadIntoFolder(this.open, this.folderId, file, {
      ...opts,
      uploadedBy,
      started: (plan) => uploadResumeStore.save(userId, this.rootKey, record(plan), file).catch(() => undefined),
      settled: (plan) => uploadResumeStore.remove(userId, plan.fileId, plan.version).catch(() => undefined),
    });
    started.finished.then(release, release);
    return started;
  }

  /** This folder's writer and write key, for a resume record (sealed under my root key, kept in this browser). */
  private writeFields(): { writer?: string; writeKey?: string } {
    const writer = this.open.session.writer;
    const writeKey = writeKeyOf(this.folderId);
    return writer ? { writer: toBase64Url(writer), ...(writeKey && { writeKey: toBase64Url(writeKey) }) } : {};
  }

  /** A folder for an uploaded directory, reusing one of that name if it exists. */
  async ensureFolder(name: string): Promise<FolderEntry> {
    const title = cleanEntryName(name);
    const found = listFolderEntries(this.doc).find((e) => e.kind === 'folder' && !e.trashedAt && e.title === title);
    return found ?? this.create('folder', title);
  }
}
