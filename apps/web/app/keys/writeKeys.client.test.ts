import { beforeAll, describe, expect, it } from 'vitest';
import { deriveWriteKeyPair, generateSymmetricKey, initCrypto, toBase64Url } from '@coffre/crypto';
import { newEntryWriteKey, type DocumentEntry } from '@coffre/docs';
import { entryWriteKeys, rememberWriteKey, rotatedEntryPatch, writeKeyOf } from './writeKeys.client.ts';

/** ADR 0016: a tab opens write keys down its folder tree, from its root's. */
describe('write keys held by a tab', () => {
  beforeAll(() => initCrypto());
  const entryIn = (folderWriteKey: ReturnType<typeof generateSymmetricKey>, id: string, epoch = 1) => {
    const made = newEntryWriteKey(id, epoch, folderWriteKey);
    const entry: DocumentEntry = { id, kind: 'folder', title: id, key: toBase64Url(generateSymmetricKey()), epoch, created: 1, modified: 1, writer: made.writer, writeKey: made.writeKey };
    return { entry, key: made.key };
  };

  it('opens a child from its folder, and a grandchild from the child, and nothing for a folder it cannot write', () => {
    const root = generateSymmetricKey();
    rememberWriteKey('root-a', root);
    const child = entryIn(root, 'child-a');
    expect(entryWriteKeys(child.entry, 'root-a')).toEqual({ writer: child.entry.writer, writeKey: child.key });
    expect(writeKeyOf('child-a')).toEqual(child.key);
    const grandchild = entryIn(child.key, 'grandchild-a');
    expect(entryWriteKeys(grandchild.entry, 'child-a').writeKey).toEqual(grandchild.key);
    // filed in a folder whose write key this tab does not hold: the writer only, so it opens read-only
    const elsewhere = entryIn(generateSymmetricKey(), 'elsewhere-a');
    expect(entryWriteKeys(elsewhere.entry, 'folder-not-held')).toEqual({ writer: elsewhere.entry.writer });
    expect(entryWriteKeys({ id: 'legacy-a', epoch: 1 }, 'root-a')).toEqual({});
  });

  it('after its folder rotated, an entry not rewritten yet still opens; the rotation patch wraps under the newest key', () => {
    const old = generateSymmetricKey();
    rememberWriteKey('folder-b', old);
    const child = entryIn(old, 'child-b');
    const rotated = generateSymmetricKey();
    rememberWriteKey('folder-b', rotated);
    expect(writeKeyOf('folder-b')).toEqual(rotated);
    expect(entryWriteKeys(child.entry, 'folder-b').writeKey).toEqual(child.key);
    const next = generateSymmetricKey();
    const patch = rotatedEntryPatch('child-b', { epoch: 2, key: toBase64Url(generateSymmetricKey()), writer: toBase64Url(deriveWriteKeyPair(next).publicKey), writeKey: next }, 'folder-b');
    const reopened = entryWriteKeys({ id: 'child-b', epoch: 2, writer: patch.writer, writeKey: patch.writeKey }, 'folder-b');
    expect(reopened.writeKey).toEqual(next);
    // and the patch for a folder this tab cannot write carries no write key
    expect(rotatedEntryPatch('child-b', { epoch: 2, key: 'k', writer: patch.writer, writeKey: next }, 'folder-unknown').writeKey).toBeUndefined();
  });
});
