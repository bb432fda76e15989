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
  });
}

export function updateFolderEntry(doc: Y.Doc, id: string, patch: Partial<Pick<FolderEntry, 'title' | 'modified'>>): void {
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
  return { id, kind, title, key, epoch, created, modified };
}
