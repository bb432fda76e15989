import { beforeAll, describe, expect, it } from 'vitest';
import type { AadFields } from './aadFormat.ts';
import type { CryptoErrorCode } from './CryptoError.ts';
import { generateIdentity } from './generateIdentity.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { initCrypto } from './initCrypto.ts';
import { openGrant, type OpenGrantOptions } from './openGrant.ts';
import { readGrantHeader } from './readGrantHeader.ts';
import { sealGrant, type SealGrantInput } from './sealGrant.ts';
import { buildGrant } from './testing/buildGrant.ts';
import { buildGrantPayload } from './testing/buildGrantPayload.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import { GRANT_VECTOR_V1, GRANT_VECTOR_V2 } from './testing/grantVectors.ts';
import { runTamperSuite } from './testing/runTamperSuite.ts';
import { snapshotOf } from './testing/snapshotOf.ts';
import type { GrantRole } from './grantLayout.ts';
import type { Identity, SymmetricKey } from './types.ts';

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
    itemKind: 'doc',
    itemName: 'Roadmap',
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
    expect(GRANT_VECTOR_V2.length).toBe(2 * (5 + 237 + 32 + 1199 + 16 + 64));
    expect(openGrant(fromHexForTest(GRANT_VECTOR_V2), openOptions(alice, bob))).toEqual({
      itemId: 'item-1',
      epoch: 3,
      role: 'editor',
      itemKey: fixedBytes(32, 4),
      itemKind: 'folder',
      itemName: 'Quarterly plan',
      signerUserId: 'user-alice',
    });
    expect(readGrantHeader(fromHexForTest(GRANT_VECTOR_V2))).toEqual({
      version: 2,
      itemId: 'item-1',
      epoch: 3,
      role: 'editor',
      recipientUserId: 'user-bob',
      recipientBoxPublicKey: bob.box.publicKey,
      signerUserId: 'user-alice',
    });
  });

  it('refuses retired version-1 grants and unknown versions (UNSUPPORTED_VERSION)', () => {
    const v1 = fromHexForTest(GRANT_VECTOR_V1);
    expectCryptoError(() => openGrant(v1, openOptions(alice, bob)), 'UNSUPPORTED_VERSION');
    expectCryptoError(() => readGrantHeader(v1), 'UNSUPPORTED_VERSION');
    const header = { itemId: 'item-1', epoch: 3, role: 'viewer', recipientUserId: 'user-bob', recipientBoxPublicKey: bob.box.publicKey, signerUserId: 'user-alice' };
    const base = { header, payload: buildGrantPayload(), sealTo: bob.box.publicKey, signWith: alice.signing.secretKey };
    expect(openGrant(buildGrant(base), openOptions(alice, bob)).itemName).toBe('Quarterly plan');
    for (const version of [0, 1, 3, 255]) {
      const grant = buildGrant({ ...base, version });
      expectCryptoError(() => openGrant(grant, openOptions(alice, bob)), 'UNSUPPORTED_VERSION');
      expectCryptoError(() => readGrantHeader(grant), 'UNSUPPORTED_VERSION');
    }
  });

  it('refuses a version-1 payload re-signed inside a version-2 container (MALFORMED)', () => {
    const v1 = fromHexForTest(GRANT_VECTOR_V1);
    const v1Sealed = v1.subarray(5 + 237, v1.length - 64);
    const header = { itemId: 'item-1', epoch: 3, role: 'editor', recipientUserId: 'user-bob', recipientBoxPublicKey: bob.box.publicKey, signerUserId: 'user-alice' };
    const grant = buildGrant({ header, payload: {}, sealTo: bob.box.publicKey, signWith: alice.signing.secretKey, sealedOverride: v1Sealed });
    expectCryptoError(() => openGrant(grant, openOptions(alice, bob)), 'MALFORMED');
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
    const payload = buildGrantPayload({ itemKey: generateSymmetricKey() });
    const base = { sealTo: bob.box.publicKey, signWith: alice.signing.secretKey };
    expect(openGrant(buildGrant({ ...base, header, payload }), openOptions(alice, bob)).role).toBe('viewer');
    for (const change of [{ role: 'admin' }, { epoch: 4 }, { itemId: 'item-2' }] as AadFields[]) {
      const grant = buildGrant({ ...base, header, payload: buildGrantPayload({ ...payload, ...change }) });
      expectCryptoError(() => openGrant(grant, openOptions(alice, bob)), 'KEY_MISMATCH');
    }
    const shortKey = buildGrant({ ...base, header, payload: buildGrantPayload({ ...payload, itemKey: new Uint8Array(16) }) });
    expectCryptoError(() => openGrant(shortKey, openOptions(alice, bob)), 'MALFORMED');
    const badRole = buildGrant({ ...base, header: { ...header, role: 'owner' }, payload: buildGrantPayload({ ...payload, role: 'owner' }) });
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
      payload: buildGrantPayload({ itemKey: generateSymmetricKey() }),
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
