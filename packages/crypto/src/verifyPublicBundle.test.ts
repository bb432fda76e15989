import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS } from './contexts.ts';
import type { CryptoErrorCode } from './CryptoError.ts';
import { createPublicBundle } from './createPublicBundle.ts';
import { encodeAad } from './encodeAad.ts';
import { generateIdentity } from './generateIdentity.ts';
import { initCrypto } from './initCrypto.ts';
import { signDetached } from './signDetached.ts';
import { toHex } from './toHex.ts';
import { verifyPublicBundle } from './verifyPublicBundle.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import { runTamperSuite } from './testing/runTamperSuite.ts';

const VECTOR =
  '01' + // version
  '139637c8b6c2261004421d396e9f49f197b68e0e0b38f4dbab785f43bd20ce9e' + // signing public key
  '010017636f666672652f7075626c69632d62756e646c652f76310004' + // record header: coffre/public-bundle/v1, 4 fields
  '0c626f785075626c69634b65790100000020421d0173245231a3ea605206fb49d664564fd9e26aa760f015d4054f9455bf6e' +
  '096372656174656441740300000008' + '0000018bcfe56800' +
  '06757365724964020000000a757365722d616c696365' +
  '08757365726e616d650200000005616c696365' +
  '6a50d70600ae7d98b9cb9106f1859fad05d7e5a44f02298f3f2111af62cebb5b' + // signature
  'ff1d3b0483fdf86dcee59b4af1b9fd4fd3f5febd84f9ea3f52ca18bb4539d505';

const INFO = { userId: 'user-alice', username: 'alice', createdAt: 1_700_000_000_000 };

describe('createPublicBundle / verifyPublicBundle', () => {
  beforeAll(() => initCrypto());

  it('produces the fixed vector (Ed25519 is deterministic) and verifies it', () => {
    const alice = buildIdentity(5);
    expect(toHex(createPublicBundle(alice, INFO))).toBe(VECTOR);
    expect(verifyPublicBundle(fromHexForTest(VECTOR))).toEqual({
      version: 1,
      ...INFO,
      signingPublicKey: alice.signing.publicKey,
      boxPublicKey: alice.box.publicKey,
    });
  });

  it('rejects every tampering', () => {
    const codeAt = (position: number): CryptoErrorCode => (position === 0 ? 'UNSUPPORTED_VERSION' : 'SIGNATURE_INVALID');
    runTamperSuite({
      genuine: createPublicBundle(generateIdentity(), INFO),
      other: createPublicBundle(generateIdentity(), { ...INFO, username: 'mallory' }),
      open: verifyPublicBundle,
      codeAt,
      truncatedCode: (length) => (length >= 1 + 32 + 64 ? 'SIGNATURE_INVALID' : 'MALFORMED'),
      extendedCode: 'SIGNATURE_INVALID',
    });
  });

  it('rejects a bundle that claims a key it cannot sign for', () => {
    const alice = generateIdentity();
    const mallory = generateIdentity();
    const forged = createPublicBundle({ signing: { publicKey: alice.signing.publicKey, secretKey: mallory.signing.secretKey }, box: mallory.box }, INFO);
    expectCryptoError(() => verifyPublicBundle(forged), 'SIGNATURE_INVALID');
  });

  it('rejects a validly signed bundle with a malformed record, and unknown versions', () => {
    const alice = generateIdentity();
    const signWith = (version: number, record: Uint8Array) => {
      const signed = concatBytes(Uint8Array.of(version), alice.signing.publicKey, record);
      return concatBytes(signed, signDetached(alice.signing.secretKey, DOMAINS.publicBundle, signed));
    };
    const goodFields = { ...INFO, boxPublicKey: alice.box.publicKey };
    expect(verifyPublicBundle(signWith(1, encodeAad(DOMAINS.publicBundle, goodFields))).userId).toBe('user-alice');
    expectCryptoError(() => verifyPublicBundle(signWith(1, encodeAad(DOMAINS.publicBundle, { ...goodFields, extra: 1 }))), 'MALFORMED');
    expectCryptoError(() => verifyPublicBundle(signWith(1, encodeAad(DOMAINS.publicBundle, { ...goodFields, boxPublicKey: new Uint8Array(31) }))), 'MALFORMED');
    expectCryptoError(() => verifyPublicBundle(signWith(1, encodeAad(DOMAINS.grant, goodFields))), 'MALFORMED');
    expectCryptoError(() => verifyPublicBundle(signWith(2, encodeAad(DOMAINS.publicBundle, goodFields))), 'UNSUPPORTED_VERSION');
  });
});
