import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { copyEntryInto } from './copyEntryInto.ts';
import { addFolderEntry, folderEntries, getFolderEntry, listFolderEntries } from './folderModel.ts';
import { moveFolderEntry } from './moveFolderEntry.ts';
import { buildDocEntry, buildFileEntry, buildFileVersion } from './testing/buildFolderEntry.ts';

const file = buildFileEntry({
  // the second version has a key and a plaintext digest of its own, which every copy and move keeps
  versions: [buildFileVersion(), buildFileVersion({ version: 2, size: 2_000, uploadedBy: 'bob', key: 'K'.repeat(43), digest: 'D'.repeat(43) })],
  size: 2_000,
  role: 'editor',
  sharedBy: 'bob',
  trashedAt: 50,
  thumbnail: 'thumb',
});

describe('copyEntryInto', () => {
  it('writes every field and every version into the other folder, leaving the source alone', () => {
    const source = new Y.Doc();
    const target = new Y.Doc();
    addFolderEntry(source, file);
    expect(copyEntryInto(target, getFolderEntry(source, 'f1')!)).toEqual(file);
    expect(getFolderEntry(target, 'f1')).toEqual(file);
    expect(folderEntries(target).get('f1')!.get('versions')).toBeInstanceOf(Y.Array);
    expect(getFolderEntry(source, 'f1')).toEqual(file);
  });

  it('replaces an entry with the same id, and refuses one that would not read back', () => {
    const target = new Y.Doc();
    addFolderEntry(target, buildDocEntry({ title: 'old' }));
    copyEntryInto(target, buildDocEntry({ title: 'new' }));
    expect(listFolderEntries(target)).toEqual([buildDocEntry({ title: 'new' })]);
    expect(() => copyEntryInto(target, buildFileEntry({ versions: [] }))).toThrow(Error);
    expect(folderEntries(target).has('f1')).toBe(false);
  });
});

describe('moveFolderEntry', () => {
  it('moves a file with its versions and returns it', () => {
    const source = new Y.Doc();
    const target = new Y.Doc();
    addFolderEntry(source, file);
    addFolderEntry(source, buildDocEntry());
    expect(moveFolderEntry(source, target, 'f1')).toEqual(file);
    expect(listFolderEntries(target)).toEqual([file]);
    expect(listFolderEntries(source)).toEqual([buildDocEntry()]);
  });

  it('adds to the target before it removes from the source', () => {
    const source = new Y.Doc();
    const target = new Y.Doc();
    addFolderEntry(source, buildDocEntry());
    const order: string[] = [];
    target.on('update', () => order.push(`target has it: ${folderEntries(target).has('d1')}`));
    source.on('update', () => order.push(`source has it: ${folderEntries(source).has('d1')}`));
    moveFolderEntry(source, target, 'd1');
    expect(order).toEqual(['target has it: true', 'source has it: false']);
  });

  it('keeps the entry in the source when writing to the target fails', () => {
    const source = new Y.Doc();
    const target = new Y.Doc();
    addFolderEntry(source, buildDocEntry());
    target.on('afterTransaction', () => {
      throw new Error('disk full');
    });
    expect(() => moveFolderEntry(source, target, 'd1')).toThrow('disk full');
    expect(getFolderEntry(source, 'd1')).toEqual(buildDocEntry());
  });

  it('within one folder changes nothing, and a missing entry moves nowhere', () => {
    const d = new Y.Doc();
    const other = new Y.Doc();
    addFolderEntry(d, buildDocEntry());
    expect(moveFolderEntry(d, d, 'd1')).toEqual(buildDocEntry());
    expect(listFolderEntries(d)).toEqual([buildDocEntry()]);
    expect(moveFolderEntry(d, other, 'nope')).toBeNull();
    expect(folderEntries(other).size).toBe(0);
    expect(listFolderEntries(d)).toEqual([buildDocEntry()]);
  });

  it('leaves a malformed source entry where it is', () => {
    const source = new Y.Doc();
    const target = new Y.Doc();
    const bad = new Y.Map<unknown>();
    folderEntries(source).set('bad', bad);
    bad.set('kind', 'doc');
    expect(moveFolderEntry(source, target, 'bad')).toBeNull();
    expect(folderEntries(source).has('bad')).toBe(true);
    expect(folderEntries(target).size).toBe(0);
  });
});
