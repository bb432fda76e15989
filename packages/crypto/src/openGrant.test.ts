import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoErrorCode } from './CryptoError.ts';
import { generateIdentity } from './generateIdentity.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { initCrypto } from './initCrypto.ts';
import { openGrant, type OpenGrantOptions } from './openGrant.ts';
import { readGrantHeader } from './readGrantHeader.ts';
import { sealGrant, type SealGrantInput } from './sealGrant.ts';
import { buildGrant } from './testing/buildGrant.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import { runTamperSuite } from './testing/runTamperSuite.ts';
import { snapshotOf } from './testing/snapshotOf.ts';
import type { GrantRole } from './grantLayout.ts';
import type { Identity, SymmetricKey } from './types.ts';

// alice (buildIdentity(5)) grants item-1 epoch 3 as editor to bob (buildIdentity(6)), item key fixedBytes(32, 4)
const VECTOR =
  '01' + '000000ed' + // version, header length 237
  '01000f636f666672652f6772616e742f76310007' + // record: coffre/grant/v1, 7 fields
  '0565706f6368030000000800000000' + '00000003' +
  '066974656d496402000000066974656d2d31' +
  '15726563697069656e74426f785075626c69634b65790100000020' +
  '7fd2fb8858151a7eaec30b04e0220b800f95e6c86bb21c94a64a154a7405f974' +
  '0f726563697069656e745573657249640200000008757365722d626f62' +
  '04726f6c650200000006656469746f72' +
  '0a7365616c6564486173680100000020' +
  'bbb1a8a4f6722208d45a82d34f89f1c21b04fdde87420555099ea76a9e67aaee' +
  '0c7369676e6572557365724964020000000a757365722d616c696365' +
  // sealed box: ephemeral public key(32) ‖ payload(126) ‖ MAC(16)
  '32f1a2dbda7c11e0d2a6bbced5ac65d8a6f812a2ac8f6be49745f0a46fa5ce566aea807e81dfd04cc952236770b5e3ac' +
  '8bfdc85d8bbd85bf105857d933bbba49548d09295116a5c848f1610b9bc85adf2c2e6f1717f4288ba5205ac6f8fd48c3' +
  'e472e0be1580869afc5aefb1869012c90a36d59d41d7e6f41a75044536f448306a365abb6ec735904a79bb73ea455784' +
  'e3e7bfd03c53da3aa30c60322f82557b37fc754b78c7c33fbcb7d39f6e09' +
  // signature
  'b9b97600dc0b8099b4378c8ae9b03670e54a7c8279cdcb652978a90dd9e5690c' +
  'd5c89f0d47f2edd5050f23e9ece66f68d5d751121a40bc564a69ffea7221b20a';

function grantInput(signer: Identity, recipient: Identity, overrides: Partial<SealGrantInput> = {}): SealGrantInput {
  return {
    itemId: 'item-1',
    epoch: 3,
    role: 'editor',
    itemKey: generateSymmetricKey(),
    recipientUserId: 'user-bob',
    recipientBoxPublicKey: recipient.box.publicKey,
    signerUserId: 'user-alice',
    signer: signer.signing,
    ...overrides,
  };
}

function openOptions(signer: Identity, recipient: Identity, overrides: Partial<OpenGrantOptions> = {}): OpenGrantOptions {
  return {
    recipientUserId: 'user-bob',
    recipientBox: recipient.box,
    signerPublicKey: signer.signing.publicKey,
    expectedItemId: 'item-1',
    ...overrides,
  };
}

describe('sealGrant / openGrant / readGrantHeader', () => {
  let alice: Identity;
  let bob: Identity;
  beforeAll(async () => {
    await initCrypto();
    alice = buildIdentity(5);
    bob = buildIdentity(6);
  });

  it('opens the fixed vector', () => {
    expect(VECTOR.length).toBe(2 * (5 + 237 + 32 + 126 + 16 + 64));
    expect(openGrant(fromHexForTest(VECTOR), openOptions(alice, bob))).toEqual({
      itemId: 'item-1',
      epoch: 3,
      role: 'editor',
      itemKey: fixedBytes(32, 4),
      signerUserId: 'user-alice',
    });
    expect(readGrantHeader(fromHexForTest(VECTOR))).toEqual({
      version: 1,
      itemId: 'item-1',
      epoch: 3,
      role: 'editor',
      recipientUserId: 'user-bob',
      recipientBoxPublicKey: bob.box.publicKey,
      signerUserId: 'user-alice',
    });
  });

  it('round-trips every role', () => {
    for (const role of ['viewer', 'editor', 'admin'] as GrantRole[]) {
      const input = grantInput(alice, bob, { role });
      expect(openGrant(sealGrant(input), openOptions(alice, bob))).toMatchObject({ role, itemKey: input.itemKey });
    }
  });

  it('rejects every tampering, verifying the signature before anything else, and leaves options untouched', () => {
    const genuine = sealGrant(grantInput(alice, bob));
    const signedEnd = 5 + readGrantHeaderLength(genuine);
    const options = openOptions(alice, bob);
    const codeAt = (position: number): CryptoErrorCode => {
      if (position === 0) return 'UNSUPPORTED_VERSION';
      return 'SIGNATURE_INVALID';
    };
    runTamperSuite({
      genuine,
      other: sealGrant(grantInput(alice, bob, { itemKey: generateSymmetricKey() })),
      open: (bytes) => openGrant(bytes, options),
      codeAt: (position) => (position >= 1 && position < 5 ? lengthFieldCode(genuine, position) : codeAt(position)),
      truncatedCode: (length) => (length >= signedEnd + 48 + 64 ? 'SIGNATURE_INVALID' : 'MALFORMED'),
      extendedCode: 'SIGNATURE_INVALID',
      snapshot: () => snapshotOf(options),
    });
  });

  it('refuses grants for another item, recipient or recipient key (KEY_MISMATCH)', () => {
    const grant = sealGrant(grantInput(alice, bob));
    expectCryptoError(() => openGrant(grant, openOptions(alice, bob, { expectedItemId: 'item-2' })), 'KEY_MISMATCH');
    expectCryptoError(() => openGrant(grant, openOptions(alice, bob, { recipientUserId: 'user-carol' })), 'KEY_MISMATCH');
    const carol = generateIdentity();
    expectCryptoError(() => openGrant(grant, openOptions(alice, carol)), 'KEY_MISMATCH');
  });

  it('refuses grants signed by anyone but the pinned signer, including the server', () => {
    const server = generateIdentity();
    const forged = sealGrant(grantInput(server, bob, { signerUserId: 'user-alice' }));
    expectCryptoError(() => openGrant(forged, openOptions(alice, bob)), 'SIGNATURE_INVALID');
    const genuine = sealGrant(grantInput(alice, bob));
    expectCryptoError(() => openGrant(genuine, openOptions(alice, bob, { signerPublicKey: server.signing.publicKey })), 'SIGNATURE_INVALID');
  });

  it('refuses a sealed blob transplanted from another grant', () => {
    const a = sealGrant(grantInput(alice, bob, { itemId: 'item-1' }));
    const b = sealGrant(grantInput(alice, bob, { itemId: 'item-2' }));
    const headerEndA = 5 + readGrantHeaderLength(a);
    const headerEndB = 5 + readGrantHeaderLength(b);
    const spliced = new Uint8Array([...a.subarray(0, headerEndA), ...b.subarray(headerEndB, b.length - 64), ...a.subarray(a.length - 64)]);
    expectCryptoError(() => openGrant(spliced, openOptions(alice, bob)), 'SIGNATURE_INVALID');
  });

  it('refuses a signed grant whose sealed payload disagrees with the header (malicious member)', () => {
    const header = {
      itemId: 'item-1',
      epoch: 3,
      role: 'viewer',
      recipientUserId: 'user-bob',
      recipientBoxPublicKey: bob.box.publicKey,
      signerUserId: 'user-alice',
    };
    const payload = { itemId: 'item-1', epoch: 3, role: 'viewer', itemKey: generateSymmetricKey() };
    const base = { sealTo: bob.box.publicKey, signWith: alice.signing.secretKey };
    expect(openGrant(buildGrant({ ...base, header, payload }), openOptions(alice, bob)).role).toBe('viewer');
    for (const change of [{ role: 'admin' }, { epoch: 4 }, { itemId: 'item-2' }]) {
      const grant = buildGrant({ ...base, header, payload: { ...payload, ...change } });
      expectCryptoError(() => openGrant(grant, openOptions(alice, bob)), 'KEY_MISMATCH');
    }
    const shortKey = buildGrant({ ...base, header, payload: { ...payload, itemKey: new Uint8Array(16) } });
    expectCryptoError(() => openGrant(shortKey, openOptions(alice, bob)), 'MALFORMED');
    const badRole = buildGrant({ ...base, header: { ...header, role: 'owner' }, payload: { ...payload, role: 'owner' } });
    expectCryptoError(() => openGrant(badRole, openOptions(alice, bob)), 'MALFORMED');
  });

  it('refuses a signed grant sealed to someone else (DECRYPT_FAILED)', () => {
    const carol = generateIdentity();
    const grant = buildGrant({
      header: {
        itemId: 'item-1',
        epoch: 3,
        role: 'viewer',
        recipientUserId: 'user-bob',
        recipientBoxPublicKey: bob.box.publicKey,
        signerUserId: 'user-alice',
      },
      payload: { itemId: 'item-1', epoch: 3, role: 'viewer', itemKey: generateSymmetricKey() },
      sealTo: carol.box.publicKey,
      signWith: alice.signing.secretKey,
    });
    expectCryptoError(() => openGrant(grant, openOptions(alice, bob)), 'DECRYPT_FAILED');
  });

  it('refuses bad inputs when sealing', () => {
    expectCryptoError(() => sealGrant(grantInput(alice, bob, { role: 'owner' as GrantRole })), 'MALFORMED');
    expectCryptoError(() => sealGrant(grantInput(alice, bob, { itemKey: new Uint8Array(16) as SymmetricKey })), 'MALFORMED');
    expectCryptoError(() => sealGrant(grantInput(alice, bob, { epoch: -1 })), 'MALFORMED');
  });
});

function readGrantHeaderLength(grant: Uint8Array): number {
  return new DataView(grant.buffer, grant.byteOffset).getUint32(1);
}

/** A flipped bit in the u32 header length moves every boundary: too long → MALFORMED, otherwise the signature fails. */
function lengthFieldCode(genuine: Uint8Array, position: number): CryptoErrorCode {
  const mutated = genuine.slice();
  mutated[position]! ^= 1 << position % 8;
  const headerLength = readGrantHeaderLength(mutated);
  return genuine.length - 64 - (5 + headerLength) < 48 ? 'MALFORMED' : 'SIGNATURE_INVALID';
}
