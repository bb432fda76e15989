import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFileVersion } from './addFileVersion.ts';
import { isFileEntry } from './FolderEntry.ts';
import { addFolderEntry, folderEntries, getFolderEntry } from './folderModel.ts';
import { buildDocEntry, buildFileEntry, buildFileVersion } from './testing/buildFolderEntry.ts';

function storedVersions(d: Y.Doc, id = 'f1'): unknown[] {
  return (folderEntries(d).get(id)!.get('versions') as Y.Array<unknown>).toArray();
}

describe('addFileVersion', () => {
  it('appends a version and makes it current: size and modified follow it', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry());
    const v2 = buildFileVersion({ version: 2, size: 5_000, sealedSize: 5_100, chunkCount: 2, created: 4_000, uploadedBy: 'bob' });
    const expected = buildFileEntry({ versions: [buildFileVersion(), v2], size: 5_000, modified: 4_000 });
    expect(addFileVersion(d, 'f1', v2)).toEqual(expected);
    expect(getFolderEntry(d, 'f1')).toEqual(expected);
    expect(folderEntries(d).get('f1')!.get('size')).toBe(5_000);
    expect(storedVersions(d)).toEqual([buildFileVersion(), v2]);
  });

  it('accepts gaps in numbering, and stores only the known fields', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry());
    addFileVersion(d, 'f1', { ...buildFileVersion({ version: 7 }), secret: 'x' } as never);
    expect(storedVersions(d)[1]).toEqual(buildFileVersion({ version: 7 }));
  });

  it('keeps a version\'s plaintext digest, and reads versions without one as before', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry());
    const v2 = buildFileVersion({ version: 2, digest: 'D'.repeat(43) });
    const entry = addFileVersion(d, 'f1', v2);
    expect(entry.versions).toEqual([buildFileVersion(), v2]);
    expect(entry.versions[0]).not.toHaveProperty('digest');
    expect(storedVersions(d)[1]).toEqual(v2);
  });

  it('throws on a version number that is not greater than every existing one, writing nothing', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildFileEntry({ versions: [buildFileVersion({ version: 1 }), buildFileVersion({ version: 3 })] }));
    for (const version of [1, 2, 3]) expect(() => addFileVersion(d, 'f1', buildFileVersion({ version })), `version ${version}`).toThrow(Error);
    expect(storedVersions(d)).toHaveLength(2);
    addFileVersion(d, 'f1', buildFileVersion({ version: 4 }));
    expect(storedVersions(d)).toHaveLength(3);
  });

  it('throws for a document, a missing entry, a malformed entry, or a malformed version', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildDocEntry());
    addFolderEntry(d, buildFileEntry());
    const broken = buildFileEntry({ id: 'broken' });
    addFolderEntry(d, broken);
    folderEntries(d).get('broken')!.delete('mime');
    expect(() => addFileVersion(d, 'd1', buildFileVersion({ version: 2 }))).toThrow(Error);
    expect(() => addFileVersion(d, 'nope', buildFileVersion({ version: 2 }))).toThrow(Error);
    expect(() => addFileVersion(d, 'broken', buildFileVersion({ version: 2 }))).toThrow(Error);
    for (const bad of [{ size: -1 }, { chunkCount: 0.5 }, { created: Number.NaN }, { uploadedBy: 7 as unknown as string }, { digest: 'short' }, { digest: 'D'.repeat(44) }]) {
      expect(() => addFileVersion(d, 'f1', buildFileVersion({ version: 2, ...bad })), JSON.stringify(bad)).toThrow(/invalid file version/);
    }
    expect(folderEntries(d).get('d1')!.has('versions')).toBe(false);
    expect(storedVersions(d)).toHaveLength(1);
    expect(getFolderEntry(d, 'f1')).toEqual(buildFileEntry());
  });

  it('two peers racing to add the same version both keep theirs and agree on the current one', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addFolderEntry(a, buildFileEntry());
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addFileVersion(a, 'f1', buildFileVersion({ version: 2, size: 222, uploadedBy: 'alice', created: 2_000 }));
    addFileVersion(b, 'f1', buildFileVersion({ version: 2, size: 333, uploadedBy: 'bob', created: 2_001 }));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const onA = getFolderEntry(a, 'f1');
    expect(onA).toEqual(getFolderEntry(b, 'f1'));
    if (!onA || !isFileEntry(onA)) throw new Error('file entry expected');
    expect(onA.versions.map((v) => v.uploadedBy).sort()).toEqual(['alice', 'alice', 'bob']);
    expect(onA.size).toBe(onA.versions[2]!.size);
    // The next version must beat both.
    expect(() => addFileVersion(a, 'f1', buildFileVersion({ version: 2 }))).toThrow(Error);
    expect(addFileVersion(a, 'f1', buildFileVersion({ version: 3, size: 444 })).size).toBe(444);
  });
});
