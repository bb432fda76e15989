import * as Y from 'yjs';

/** What a folder knows of each child; lives inside the folder's encrypted document. */
export type FolderEntry = {
  id: string;
  kind: 'doc';
  title: string;
  /** The child's document key (base64url) for epoch `epoch`. */
  key: string;
  epoch: number;
  created: number;
  modified: number;
  /** Set for items someone shared with this user: their role and who shared. */
  role?: 'viewer' | 'editor' | 'admin';
  sharedBy?: string;
};

const ENTRIES = 'entries';
const FIELDS = ['kind', 'title', 'key', 'epoch', 'created', 'modified'] as const;

/** Each entry is a nested Y.Map so that a rename and another field change merge. */
export function folderEntries(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ENTRIES);
}

export function listFolderEntries(doc: Y.Doc): FolderEntry[] {
  const out: FolderEntry[] = [];
  for (const [id, m] of folderEntries(doc)) {
    const e = readEntry(id, m);
    if (e) out.push(e);
  }
  return out;
}

export function getFolderEntry(doc: Y.Doc, id: string): FolderEntry | null {
  const m = folderEntries(doc).get(id);
  return m ? readEntry(id, m) : null;
}

export function addFolderEntry(doc: Y.Doc, entry: FolderEntry): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    folderEntries(doc).set(entry.id, m);
    for (const f of FIELDS) m.set(f, entry[f]);
    if (entry.role) m.set('role', entry.role);
    if (entry.sharedBy) m.set('sharedBy', entry.sharedBy);
  });
}

export function updateFolderEntry(doc: Y.Doc, id: string, patch: Partial<Pick<FolderEntry, 'title' | 'modified' | 'role' | 'key' | 'epoch'>>): void {
  const m = folderEntries(doc).get(id);
  if (!m) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (m.get(k) !== v) m.set(k, v);
  });
}

/** Entries written by a buggy or old client are skipped, not half-read. */
function readEntry(id: string, m: Y.Map<unknown>): FolderEntry | null {
  const kind = m.get('kind');
  const title = m.get('title');
  const key = m.get('key');
  const epoch = m.get('epoch');
  const created = m.get('created');
  const modified = m.get('modified');
  if (kind !== 'doc' || typeof title !== 'string' || typeof key !== 'string' || typeof epoch !== 'number' || typeof created !== 'number' || typeof modified !== 'number') return null;
  const role = m.get('role');
  const sharedBy = m.get('sharedBy');
  const entry: FolderEntry = { id, kind, title, key, epoch, created, modified };
  if (role === 'viewer' || role === 'editor' || role === 'admin') entry.role = role;
  if (typeof sharedBy === 'string') entry.sharedBy = sharedBy;
  return entry;
}
