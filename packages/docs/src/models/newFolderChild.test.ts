import '../testing/failOnConsoleError.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSymmetricKey, initCrypto } from '@coffre/crypto';
import { openEntryWriteKey } from './entryWriteKey.ts';
import { newFolderChild } from './newFolderChild.ts';

describe('newFolderChild', () => {
  beforeAll(() => initCrypto());

  it('files a new item with a fresh key, a unique cleaned name, and its write key wrapped under the folder’s', () => {
    const folderWriteKey = generateSymmetricKey();
    const { entry, writeKey } = newFolderChild({ id: 'child-doc-0000001', kind: 'folder', name: ' Plans ', existing: ['Plans'], folderWriteKey, now: 7 });
    expect(entry).toMatchObject({ id: 'child-doc-0000001', kind: 'folder', title: 'Plans (1)', epoch: 1, created: 7, modified: 7 });
    expect(writeKey).toBeDefined();
    expect(openEntryWriteKey(entry, folderWriteKey)).toEqual(writeKey);
    // Another folder's write key does not open it.
    expect(openEntryWriteKey(entry, generateSymmetricKey())).toBeUndefined();
    expect(newFolderChild({ id: 'child-doc-0000002', kind: 'doc', name: 'x', existing: [], folderWriteKey, now: 7 }).entry.key).not.toBe(entry.key);
  });

  it('in a folder made before write keys, files the item without one', () => {
    const made = newFolderChild({ id: 'child-doc-0000001', kind: 'doc', name: 'Notes', existing: [], folderWriteKey: null, now: 7 });
    expect(made.writeKey).toBeUndefined();
    expect(made.entry.writer).toBeUndefined();
    expect(made.entry.writeKey).toBeUndefined();
  });
});
