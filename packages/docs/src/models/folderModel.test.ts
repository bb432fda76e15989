import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFolderEntry, folderEntries, getFolderEntry, listFolderEntries, updateFolderEntry } from './folderModel.ts';

const entry = { id: 'd1', kind: 'doc' as const, title: 'Notes', key: 'k'.repeat(43), epoch: 1, created: 1, modified: 1 };

describe('folder model', () => {
  it('adds, renames and lists entries; a rename and a touch from two peers merge', () => {
    const a = new Y.Doc();
    addFolderEntry(a, entry);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateFolderEntry(a, 'd1', { title: 'Meeting notes' });
    updateFolderEntry(b, 'd1', { modified: 5 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(getFolderEntry(a, 'd1')).toEqual({ ...entry, title: 'Meeting notes', modified: 5 });
    expect(listFolderEntries(a)).toHaveLength(1);
  });

  it('skips malformed entries instead of reading half of them', () => {
    const d = new Y.Doc();
    const m = new Y.Map<unknown>();
    folderEntries(d).set('bad', m);
    m.set('kind', 'doc');
    m.set('title', 42);
    expect(listFolderEntries(d)).toEqual([]);
    expect(getFolderEntry(d, 'bad')).toBeNull();
  });
});
