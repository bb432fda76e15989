import { beforeAll, describe, expect, it } from 'vitest';
import { deriveWriteKeyPair } from './deriveWriteKeyPair.ts';
import { openGrant } from './openGrant.ts';
import { sealGrant } from './sealGrant.ts';
import { unwrapKey } from './unwrapKey.ts';
import { unwrapWriteKey } from './unwrapWriteKey.ts';
import { wrapWriteKey } from './wrapWriteKey.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { initCrypto } from './initCrypto.ts';
import { signWriteCert } from './signWriteCert.ts';
import { toHex } from './toHex.ts';
import type { SymmetricKey } from './types.ts';
import { verifyWriteCert } from './verifyWriteCert.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';

const writeKey = () => fixedBytes(32, 7) as SymmetricKey;
const fields = () => ({ docId: 'doc-write-cert', epoch: 3, deviceKey: fixedBytes(32, 9) });

describe('write keys and write certificates', () => {
  beforeAll(() => initCrypto());

  it('derives a fixed key pair and certificate from a write key', () => {
    const pair = deriveWriteKeyPair(writeKey());
    expect(toHex(pair.publicKey)).toBe(PUBLIC_VECTOR);
    expect(toHex(signWriteCert(pair.secretKey, fields()))).toBe(CERT_VECTOR);
  });

  it('verifies a certificate for exactly its document, epoch and device', () => {
    const pair = deriveWriteKeyPair(writeKey());
    const cert = signWriteCert(pair.secretKey, fields());
    expect(() => verifyWriteCert(pair.publicKey, fields(), cert)).not.toThrow();
    expectCryptoError(() => verifyWriteCert(pair.publicKey, { ...fields(), docId: 'doc-other' }, cert), 'SIGNATURE_INVALID');
    expectCryptoError(() => verifyWriteCert(pair.publicKey, { ...fields(), epoch: 4 }, cert), 'SIGNATURE_INVALID');
    expectCryptoError(() => verifyWriteCert(pair.publicKey, { ...fields(), deviceKey: fixedBytes(32, 10) }, cert), 'SIGNATURE_INVALID');
    const flipped = cert.slice();
    flipped[5]! ^= 1;
    expectCryptoError(() => verifyWriteCert(pair.publicKey, fields(), flipped), 'SIGNATURE_INVALID');
    expectCryptoError(() => verifyWriteCert(pair.publicKey, fields(), new Uint8Array(0)), 'SIGNATURE_INVALID');
  });

  it('never verifies under another write key', () => {
    const other = deriveWriteKeyPair(fixedBytes(32, 8) as SymmetricKey);
    const cert = signWriteCert(deriveWriteKeyPair(writeKey()).secretKey, fields());
    expectCryptoError(() => verifyWriteCert(other.publicKey, fields(), cert), 'SIGNATURE_INVALID');
  });

  it('wraps a child write key for exactly its folder, item and epoch', () => {
    const folderWriteKey = fixedBytes(32, 20) as SymmetricKey;
    const child = fixedBytes(32, 21) as SymmetricKey;
    const wrapped = wrapWriteKey(folderWriteKey, child, { itemId: 'child-1', epoch: 2 });
    expect(Buffer.from(wrapped).includes(Buffer.from(child))).toBe(false);
    expect(unwrapWriteKey(folderWriteKey, wrapped, { itemId: 'child-1', epoch: 2 })).toEqual(child);
    expect(() =>
      unwrapWriteKey(fixedBytes(32, 22) as SymmetricKey, wrapped, { itemId: 'child-1', epoch: 2 }),
    ).toThrow();
    expect(() => unwrapWriteKey(folderWriteKey, wrapped, { itemId: 'child-2', epoch: 2 })).toThrow();
    expect(() => unwrapWriteKey(folderWriteKey, wrapped, { itemId: 'child-1', epoch: 3 })).toThrow();
    // a folder's read key is not its write key: what viewers of the folder hold opens nothing
    expect(() =>
      unwrapKey(folderWriteKey, wrapped, 'write-key', { itemId: 'child-1', epoch: 2 }),
    ).toThrow();
  });

  it('grants carry the writer to everyone and the write key to editors, checked on opening', () => {
    const alice = buildIdentity(1);
    const bob = buildIdentity(2);
    const writeKey = fixedBytes(32, 30) as SymmetricKey;
    const writer = deriveWriteKeyPair(writeKey).publicKey;
    const grant = (role: 'viewer' | 'editor') =>
      sealGrant({
        itemId: 'item-w',
        epoch: 1,
        role,
        itemKey: fixedBytes(32, 31) as SymmetricKey,
        itemKind: 'doc',
        itemName: 'N',
        recipientUserId: 'bob',
        recipientBoxPublicKey: bob.box.publicKey,
        signerUserId: 'alice',
        signer: alice.signing,
        writer,
        writeKey: role === 'editor' ? writeKey : undefined,
      });
    const open = (bytes: Uint8Array) =>
      openGrant(bytes, { recipientUserId: 'bob', recipientBox: bob.box, signerPublicKey: alice.signing.publicKey, expectedItemId: 'item-w' });
    const asEditor = open(grant('editor'));
    expect(asEditor.writer).toEqual(writer);
    expect(asEditor.writeKey).toEqual(writeKey);
    const asViewer = open(grant('viewer'));
    expect(asViewer.writer).toEqual(writer);
    expect(asViewer.writeKey).toBeUndefined();
  });

  it('refuses a write key of the wrong length', () => {
    expectCryptoError(() => deriveWriteKeyPair(new Uint8Array(16) as SymmetricKey), 'MALFORMED');
  });
});

/** Regression vectors: a change in the derivation or the signed message breaks every item's writers. */
const PUBLIC_VECTOR = '17cfa7e0838f72eb4cab2cbc8ca1981e4b301d580ab7a3eba3d3570b502cf71c';
const CERT_VECTOR = '3c17e80777e7e1a00bb05fde046da51e551e867b5307d8ab6bbc4f99c632fa40' + '239d122bd12a2d6983bf2ae68e94b039b55d5131a4c4d142ef54f1e2d837a50d';
