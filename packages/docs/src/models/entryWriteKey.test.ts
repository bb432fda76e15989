import '../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveWriteKeyPair, fromBase64Url, generateSymmetricKey, initCrypto, toBase64Url } from '@coffre/crypto';
import { newEntryWriteKey, openEntryWriteKey, wrapEntryWriteKey } from './entryWriteKey.ts';
import type { DocumentEntry } from './FolderEntry.ts';
import { addFolderEntry, getFolderEntry, updateFolderEntry } from './folderModel.ts';

/** ADR 0016: a child's write key sits in its folder's entry, opened only with the folder's write key. */
describe('entry write keys', () => {
  beforeAll(() => initCrypto());
  const entry = (over: Partial<DocumentEntry> = {}): DocumentEntry => ({ id: 'child-doc-0000001', kind: 'doc', title: 'T', key: toBase64Url(generateSymmetricKey()), epoch: 1, created: 1, modified: 1, ...over });

  it('a writer of the folder opens the child write key; the writer is its public half', () => {
    const folderWriteKey = generateSymmetricKey();
    const made = newEntryWriteKey('child-doc-0000001', 1, folderWriteKey);
    expect(made.writer).toBe(toBase64Url(deriveWriteKeyPair(made.key).publicKey));
    const e = entry({ writer: made.writer, writeKey: made.writeKey });
    expect(openEntryWriteKey(e, folderWriteKey)).toEqual(made.key);
  });

  it('gives nothing to a reader of the folder, under another folder key, in another slot, or against another writer', () => {
    const folderWriteKey = generateSymmetricKey();
    const made = newEntryWriteKey('child-doc-0000001', 1, folderWriteKey);
    const e = entry({ writer: made.writer, writeKey: made.writeKey });
    expect(openEntryWriteKey(e, null)).toBeUndefined();
    expect(openEntryWriteKey(e, generateSymmetricKey())).toBeUndefined();
    expect(openEntryWriteKey({ ...e, id: 'child-doc-0000002' }, folderWriteKey)).toBeUndefined();
    expect(openEntryWriteKey({ ...e, epoch: 2 }, folderWriteKey)).toBeUndefined();
    // a writer of the folder swapped in another key under the genuine writer: not taken
    const other = newEntryWriteKey('child-doc-0000001', 1, folderWriteKey);
    expect(openEntryWriteKey({ ...e, writeKey: other.writeKey }, folderWriteKey)).toBeUndefined();
    expect(openEntryWriteKey(entry(), folderWriteKey), 'made before write keys').toBeUndefined();
  });

  it('moves with the entry: re-wrapped under the target folder it opens there only', () => {
    const from = generateSymmetricKey();
    const to = generateSymmetricKey();
    const made = newEntryWriteKey('child-doc-0000001', 1, from);
    const moved = entry({ writer: made.writer, writeKey: wrapEntryWriteKey({ id: 'child-doc-0000001', epoch: 1 }, made.key, to) });
    expect(openEntryWriteKey(moved, to)).toEqual(made.key);
    expect(openEntryWriteKey(moved, from)).toBeUndefined();
  });

  it('folder entries keep both fields, refuse a write key without a writer or on a file, and never drop the writer', () => {
    const doc = new Y.Doc();
    const made = newEntryWriteKey('child-doc-0000001', 1, generateSymmetricKey());
    addFolderEntry(doc, entry({ writer: made.writer, writeKey: made.writeKey }));
    expect(getFolderEntry(doc, 'child-doc-0000001')).toMatchObject({ writer: made.writer, writeKey: made.writeKey });
    expect(() => addFolderEntry(doc, entry({ id: 'child-doc-0000002', writeKey: made.writeKey }))).toThrow();
    expect(() => addFolderEntry(doc, entry({ id: 'child-doc-0000003', writer: 'not-a-key' }))).toThrow();
    const file = { id: 'child-file-000001', kind: 'file' as const, title: 'f', key: toBase64Url(generateSymmetricKey()), epoch: 1, created: 1, modified: 1, mime: 'text/plain', size: 1, versions: [{ version: 1, size: 1, sealedSize: 41, chunkCount: 1, created: 1, uploadedBy: 'a' }], writer: made.writer };
    expect(() => addFolderEntry(doc, file)).toThrow();
    // a rotation patches both; a patch without them leaves them as they are
    const next = newEntryWriteKey('child-doc-0000001', 2, generateSymmetricKey());
    updateFolderEntry(doc, 'child-doc-0000001', { epoch: 2, writer: next.writer, writeKey: next.writeKey });
    updateFolderEntry(doc, 'child-doc-0000001', { title: 'renamed' });
    expect(getFolderEntry(doc, 'child-doc-0000001')).toMatchObject({ epoch: 2, title: 'renamed', writer: next.writer, writeKey: next.writeKey });
    expect(fromBase64Url(next.writer)).toHaveLength(32);
  });
});
