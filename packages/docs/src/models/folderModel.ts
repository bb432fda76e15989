import * as Y from 'yjs';
import type { DocumentEntry, FolderEntry } from './FolderEntry.ts';
import { parseFileVersion, parseFolderEntry } from './parseFolderEntry.ts';
import { readFolderEntry } from './readFolderEntry.ts';

export type { FolderEntry } from './FolderEntry.ts';

/** The fields `updateFolderEntry` may change; `mime` applies to files only. */
export type FolderEntryPatch = Partial<Pick<DocumentEntry, 'title' | 'modified' | 'role' | 'key' | 'epoch' | 'trashedAt' | 'writer' | 'writeKey'>> & { mime?: string };

const ENTRIES = 'entries';
const COMMON_FIELDS = ['kind', 'title', 'key', 'epoch', 'created', 'modified', 'role', 'sharedBy', 'trashedAt', 'writer', 'writeKey'] as const;
const FILE_FIELDS = ['mime', 'size', 'thumbnail'] as const;
const PATCH_FIELDS = ['title', 'modified', 'role', 'key', 'epoch', 'trashedAt', 'mime', 'writer', 'writeKey'] as const;

/** Each entry is a nested Y.Map so that a rename and another field change merge. */
export function folderEntries(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ENTRIES);
}

/** Every well-formed entry, trashed ones included; malformed ones are skipped. */
export function listFolderEntries(doc: Y.Doc): FolderEntry[] {
  const out: FolderEntry[] = [];
  for (const [id, m] of folderEntries(doc)) {
    const e = readFolderEntry(id, m);
    if (e) out.push(e);
  }
  return out;
}

export function getFolderEntry(doc: Y.Doc, id: string): FolderEntry | null {
  return readFolderEntry(id, folderEntries(doc).get(id));
}

/**
 * Writes `entry` (a file with all its versions) under `entry.id`, replacing any
 * entry with that id.
 * @throws Error if the entry would not read back (a missing or mistyped field, a
 * key that is not base64url, a file without versions); nothing is written then.
 */
export function addFolderEntry(doc: Y.Doc, entry: FolderEntry): void {
  const record = entry as unknown as Record<string, unknown>;
  const versions = entry.kind === 'file' ? entry.versions : null;
  if (!parseFolderEntry(entry.id, (f) => record[f], versions)) throw new Error(`invalid folder entry ${entry.id}`);
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    folderEntries(doc).set(entry.id, m);
    const fields = entry.kind === 'file' ? [...COMMON_FIELDS, ...FILE_FIELDS] : COMMON_FIELDS;
    for (const f of fields) if (record[f] !== undefined) m.set(f, record[f]);
    if (versions) {
      const list = new Y.Array<unknown>();
      m.set('versions', list);
      // Fresh copies of the known fields (checked above), so later changes to the caller's objects never alias the stored ones.
      list.push(versions.map((v) => parseFileVersion({ ...v })!));
    }
  });
}

/**
 * Changes the given fields of an existing entry; does nothing if there is no
 * readable entry `id`. Fields the patch leaves undefined are left as they are
 * (clear `trashedAt` with `restoreFolderEntry`).
 * @throws Error if the patch would leave the entry unreadable, or sets `mime` on
 * an entry that is not a file; nothing is written then.
 */
export function updateFolderEntry(doc: Y.Doc, id: string, patch: FolderEntryPatch): void {
  const m = folderEntries(doc).get(id);
  const current = readFolderEntry(id, m);
  if (!m || !current) return;
  if (patch.mime !== undefined && current.kind !== 'file') throw new Error(`mime set on ${current.kind} entry ${id}`);
  // Only known fields: a caller that spreads a whole entry into the patch must
  // not overwrite the id, kind or versions.
  const changes = PATCH_FIELDS.filter((f) => patch[f] !== undefined).map((f) => [f, patch[f]] as const);
  const merged: Record<string, unknown> = { ...current, ...Object.fromEntries(changes) };
  if (!parseFolderEntry(id, (f) => merged[f], current.kind === 'file' ? current.versions : null)) throw new Error(`invalid patch for folder entry ${id}`);
  doc.transact(() => {
    for (const [k, v] of changes) if (m.get(k) !== v) m.set(k, v);
  });
}
