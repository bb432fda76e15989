import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFolderEntry, folderEntries, getFolderEntry, listFolderEntries } from './folderModel.ts';
import { removeFolderEntry } from './removeFolderEntry.ts';
import { restoreFolderEntry } from './restoreFolderEntry.ts';
import { trashFolderEntry } from './trashFolderEntry.ts';
import { buildDocEntry, buildFileEntry } from './testing/buildFolderEntry.ts';

describe('trashFolderEntry / restoreFolderEntry', () => {
  it('trashes in place without touching modified, and restore clears trashedAt', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry());
    expect(trashFolderEntry(d, 'f1', 9_000)).toEqual({ ...buildFileEntry(), trashedAt: 9_000 });
    expect(getFolderEntry(d, 'f1')).toEqual({ ...buildFileEntry(), trashedAt: 9_000 });
    expect(listFolderEntries(d)).toHaveLength(1);
    expect(restoreFolderEntry(d, 'f1')).toEqual(buildFileEntry());
    expect(folderEntries(d).get('f1')!.has('trashedAt')).toBe(false);
  });

  it('a trash on one peer reaches the other, and so does the restore', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addFolderEntry(a, buildDocEntry());
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    trashFolderEntry(b, 'd1', 5);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(getFolderEntry(a, 'd1')?.trashedAt).toBe(5);
    restoreFolderEntry(a, 'd1');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getFolderEntry(b, 'd1')).toEqual(buildDocEntry());
  });

  it('returns null for a missing entry and writes nothing', () => {
    const d = new Y.Doc();
    expect(trashFolderEntry(d, 'nope', 1)).toBeNull();
    expect(restoreFolderEntry(d, 'nope')).toBeNull();
    expect(folderEntries(d).size).toBe(0);
  });

  it('refuses a time that is not a finite number', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildDocEntry());
    expect(() => trashFolderEntry(d, 'd1', Number.NaN)).toThrow(Error);
    expect(getFolderEntry(d, 'd1')).toEqual(buildDocEntry());
  });
});

describe('removeFolderEntry', () => {
  it('deletes the entry and returns what it was', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry({ trashedAt: 3 }));
    addFolderEntry(d, buildDocEntry());
    expect(removeFolderEntry(d, 'f1')).toEqual(buildFileEntry({ trashedAt: 3 }));
    expect(folderEntries(d).has('f1')).toBe(false);
    expect(listFolderEntries(d)).toEqual([buildDocEntry()]);
  });

  it('deletes a malformed entry too, returning null; a missing one is null', () => {
    const d = new Y.Doc();
    const bad = new Y.Map<unknown>();
    folderEntries(d).set('bad', bad);
    bad.set('kind', 'doc');
    expect(removeFolderEntry(d, 'bad')).toBeNull();
    expect(folderEntries(d).has('bad')).toBe(false);
    expect(removeFolderEntry(d, 'missing')).toBeNull();
  });
});
