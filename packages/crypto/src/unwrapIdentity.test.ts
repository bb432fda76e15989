import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { generateIdentity } from './generateIdentity.ts';
import { generateMasterKey } from './generateMasterKey.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { getSodium } from './getSodium.ts';
import { identityWrapFields } from './identityWrapFields.ts';
import { initCrypto } from './initCrypto.ts';
import { sealAead } from './sealAead.ts';
import { sealAeadWithNonce } from './sealAeadWithNonce.ts';
import { signDetached } from './signDetached.ts';
import { toHex } from './toHex.ts';
import { unwrapIdentity } from './unwrapIdentity.ts';
import { unwrapKey } from './unwrapKey.ts';
import { utf8Encode } from './utf8Encode.ts';
import { verifyDetached } from './verifyDetached.ts';
import { wrapIdentity } from './wrapIdentity.ts';
import { wrapKey } from './wrapKey.ts';
import { aeadCodeAt } from './testing/aeadCodeAt.ts';
import { aeadTruncatedCode } from './testing/aeadTruncatedCode.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import { runTamperSuite } from './testing/runTamperSuite.ts';
import { snapshotOf } from './testing/snapshotOf.ts';
import type { Identity, SymmetricKey } from './types.ts';

const VECTOR =
  '01' +
  '4f5a65707b86919ca7b2bdc8d3dee9f4ff0a15202b36414c' +
  '199cdedc4dee995bfcedc623d17dcaf6381d529a6e4cf8c699b09a7ce20bc825' +
  'da28ec6cbafc97a7ba55abd771ba56767817ced0ae01698f7b90524d149bf7b6' +
  'b9f87dd00bcbc2b2d6992d8bdb47917c43b579ea25a7d20145cb3d7f4e0244a0' +
  '0ac294d81b817e45b3c3c62e28b6e320';

const expectedOf = (identity: Identity) => ({
  signingPublicKey: identity.signing.publicKey,
  boxPublicKey: identity.box.publicKey,
});

describe('wrapIdentity / unwrapIdentity', () => {
  beforeAll(() => initCrypto());

  it('opens the fixed vector and restores working keys', () => {
    const alice = buildIdentity(5);
    const masterKey = fixedBytes(32, 7) as SymmetricKey;
    const wrappingKey = deriveSubkey(masterKey, SUBKEY_IDS.identityWrap, KDF_CONTEXTS.keyWrap);
    const seed = getSodium().crypto_sign_ed25519_sk_to_seed(alice.signing.secretKey);
    const fields = identityWrapFields('user-alice', alice.signing.publicKey, alice.box.publicKey);
    const vector = sealAeadWithNonce(wrappingKey, fixedBytes(24, 2), concatBytes(seed, alice.box.secretKey), DOMAINS.wrapIdentity, fields);
    expect(toHex(vector)).toBe(VECTOR);
    const opened = unwrapIdentity(masterKey, fromHexForTest(VECTOR), 'user-alice', expectedOf(alice));
    expect(opened).toEqual(alice);
    const signature = signDetached(opened.signing.secretKey, DOMAINS.memberList, utf8Encode('m'));
    expect(() => verifyDetached(alice.signing.publicKey, DOMAINS.memberList, utf8Encode('m'), signature)).not.toThrow();
  });

  it('round-trips a random identity', () => {
    const masterKey = generateMasterKey();
    const identity = generateIdentity();
    expect(unwrapIdentity(masterKey, wrapIdentity(masterKey, identity, 'u'), 'u', expectedOf(identity))).toEqual(identity);
  });

  it('rejects every tampering and leaves the expected keys untouched', () => {
    const masterKey = generateMasterKey();
    const identity = generateIdentity();
    const expected = expectedOf(identity);
    runTamperSuite({
      genuine: wrapIdentity(masterKey, identity, 'user-1'),
      other: wrapIdentity(masterKey, generateIdentity(), 'user-1'),
      open: (bytes) => unwrapIdentity(masterKey, bytes, 'user-1', expected),
      codeAt: aeadCodeAt,
      truncatedCode: aeadTruncatedCode,
      extendedCode: 'DECRYPT_FAILED',
      snapshot: () => snapshotOf(expected),
    });
  });

  it('detects a server that swaps the public keys, the user or the master key', () => {
    const masterKey = generateMasterKey();
    const alice = generateIdentity();
    const mallory = generateIdentity();
    const wrapped = wrapIdentity(masterKey, alice, 'user-alice');
    expectCryptoError(() => unwrapIdentity(masterKey, wrapped, 'user-alice', expectedOf(mallory)), 'DECRYPT_FAILED');
    expectCryptoError(
      () => unwrapIdentity(masterKey, wrapped, 'user-alice', { ...expectedOf(alice), boxPublicKey: mallory.box.publicKey }),
      'DECRYPT_FAILED',
    );
    expectCryptoError(() => unwrapIdentity(masterKey, wrapped, 'user-bob', expectedOf(alice)), 'DECRYPT_FAILED');
    expectCryptoError(() => unwrapIdentity(generateMasterKey(), wrapped, 'user-alice', expectedOf(alice)), 'COMMITMENT_MISMATCH');
    // another user's wrapped identity under the same master key
    const malloryWrapped = wrapIdentity(masterKey, mallory, 'user-alice');
    expectCryptoError(() => unwrapIdentity(masterKey, malloryWrapped, 'user-alice', expectedOf(alice)), 'DECRYPT_FAILED');
  });

  it('refuses secret keys that do not derive the expected public keys (KEY_MISMATCH), never adopting them', () => {
    const masterKey = generateMasterKey();
    const alice = generateIdentity();
    const mallory = generateIdentity();
    const wrappingKey = deriveSubkey(masterKey, SUBKEY_IDS.identityWrap, KDF_CONTEXTS.keyWrap);
    const seed = getSodium().crypto_sign_ed25519_sk_to_seed(mallory.signing.secretKey);
    // authentic blob whose AAD names alice's public keys but holds mallory's secrets
    const mismatched = sealAead(
      wrappingKey,
      concatBytes(seed, mallory.box.secretKey),
      DOMAINS.wrapIdentity,
      identityWrapFields('user-alice', alice.signing.publicKey, alice.box.publicKey),
    );
    expectCryptoError(() => unwrapIdentity(masterKey, mismatched, 'user-alice', expectedOf(alice)), 'KEY_MISMATCH');
    const wrongSize = sealAead(wrappingKey, new Uint8Array(32), DOMAINS.wrapIdentity, identityWrapFields('u', alice.signing.publicKey, alice.box.publicKey));
    expectCryptoError(() => unwrapIdentity(masterKey, wrongSize, 'u', expectedOf(alice)), 'MALFORMED');
  });

  it('refuses to wrap an inconsistent identity', () => {
    const alice = generateIdentity();
    const mallory = generateIdentity();
    expectCryptoError(() => wrapIdentity(generateMasterKey(), { signing: alice.signing, box: { ...alice.box, publicKey: mallory.box.publicKey } }, 'u'), 'KEY_MISMATCH');
    expectCryptoError(() => wrapIdentity(generateMasterKey(), { signing: { ...alice.signing, publicKey: mallory.signing.publicKey }, box: alice.box }, 'u'), 'KEY_MISMATCH');
  });

  it('keeps identity blobs and wrapped keys apart', () => {
    const key = generateSymmetricKey();
    const masterKey = generateMasterKey();
    const alice = generateIdentity();
    const wrappingKey = deriveSubkey(masterKey, SUBKEY_IDS.identityWrap, KDF_CONTEXTS.keyWrap);
    const identityBlob = wrapIdentity(masterKey, alice, 'u');
    const fields = identityWrapFields('u', alice.signing.publicKey, alice.box.publicKey);
    expectCryptoError(() => unwrapKey(wrappingKey, identityBlob, 'item-key', fields), 'DECRYPT_FAILED');
    expectCryptoError(() => unwrapKey(wrappingKey, identityBlob, 'identity', fields), 'MALFORMED');
    const keyBlob = wrapKey(wrappingKey, key, 'identity', fields);
    expectCryptoError(() => unwrapIdentity(masterKey, keyBlob, 'u', expectedOf(alice)), 'MALFORMED');
  });
});
