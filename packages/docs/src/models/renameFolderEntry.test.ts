import '../testing/failOnConsoleError.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFolderEntry, getFolderEntry } from './folderModel.ts';
import { renameFolderEntry } from './renameFolderEntry.ts';
import { buildDocEntry, buildFileEntry } from './testing/buildFolderEntry.ts';

describe('renameFolderEntry', () => {
  it('renames to a cleaned name, unique among the other entries, and records when', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildDocEntry());
    addFolderEntry(d, buildFileEntry({ title: 'Plan' }));
    expect(renameFolderEntry(d, 'd1', '  Plan ', 5_000)).toBe(true);
    expect(getFolderEntry(d, 'd1')).toMatchObject({ title: 'Plan (1)', modified: 5_000 });
  });

  it('changes nothing for the same name or an unknown entry', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildDocEntry());
    expect(renameFolderEntry(d, 'd1', 'Notes', 5_000)).toBe(false);
    expect(renameFolderEntry(d, 'nope', 'Other', 5_000)).toBe(false);
    expect(getFolderEntry(d, 'd1')).toEqual(buildDocEntry());
  });

  it('a name taken only by an entry in the trash is free', () => {
    const d = new Y.Doc();
    addFolderEntry(d, buildDocEntry());
    addFolderEntry(d, buildFileEntry({ title: 'Plan', trashedAt: 1 }));
    renameFolderEntry(d, 'd1', 'Plan', 5_000);
    expect(getFolderEntry(d, 'd1')?.title).toBe('Plan');
  });
});
