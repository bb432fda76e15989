import { beforeAll, describe, expect, it } from 'vitest';
import type { AadFields } from './aadFormat.ts';
import { encodeAad } from './encodeAad.ts';
import { DOMAINS } from './contexts.ts';
import { generateSymmetricKey } from './generateSymmetricKey.ts';
import { getSodium } from './getSodium.ts';
import { initCrypto } from './initCrypto.ts';
import { GRANT_ITEM_KINDS, type GrantItemKind } from './isGrantItemKind.ts';
import { openGrant, type OpenGrantOptions } from './openGrant.ts';
import { readGrantHeader } from './readGrantHeader.ts';
import { sealGrant, type SealGrantInput } from './sealGrant.ts';
import { buildGrant } from './testing/buildGrant.ts';
import { buildGrantPayload } from './testing/buildGrantPayload.ts';
import { buildIdentity } from './testing/buildIdentity.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import type { Identity } from './types.ts';

// The server stores grants and must learn neither the name nor the kind of what is shared.
const HOSTILE_NAME = '<img src=x onerror="alert(1)"> & Q3 “plan” 📁👩‍👩‍👧‍👦 ✓';

describe('sealGrant / openGrant: item kind and name', () => {
  let alice: Identity;
  let bob: Identity;
  let input: (overrides?: Partial<SealGrantInput>) => SealGrantInput;
  let options: OpenGrantOptions;
  beforeAll(async () => {
    await initCrypto();
    alice = buildIdentity(5);
    bob = buildIdentity(6);
    input = (overrides = {}) => ({
      itemId: 'item-1',
      epoch: 3,
      role: 'editor',
      itemKey: generateSymmetricKey(),
      recipientUserId: 'user-bob',
      recipientBoxPublicKey: bob.box.publicKey,
      signerUserId: 'user-alice',
      signer: alice.signing,
      itemKind: 'folder',
      itemName: 'Quarterly plan',
      ...overrides,
    });
    options = { recipientUserId: 'user-bob', recipientBox: bob.box, signerPublicKey: alice.signing.publicKey, expectedItemId: 'item-1' };
  });

  it('round-trips every kind, and names with emoji, HTML, no characters or the maximum bytes', () => {
    for (const itemKind of GRANT_ITEM_KINDS) {
      for (const itemName of [HOSTILE_NAME, '', 'é'.repeat(512), 'a'.repeat(1024), 'Quarterly plan']) {
        const sealed = input({ itemKind, itemName });
        expect(openGrant(sealGrant(sealed), options)).toEqual({
          itemId: 'item-1',
          epoch: 3,
          role: 'editor',
          itemKey: sealed.itemKey,
          itemKind,
          itemName,
          signerUserId: 'user-alice',
        });
      }
    }
  });

  it('keeps the name and kind out of the plaintext grant bytes and the readable header', () => {
    const canary = 'canary-5be1c0ffee Quarterly plan';
    const grant = sealGrant(input({ itemKind: 'calendar', itemName: canary }));
    for (const needle of [canary, 'canary-5be1c0ffee', 'Quarterly', 'calendar']) {
      expect(indexOfBytes(grant, new TextEncoder().encode(needle)), needle).toBe(-1);
    }
    expect(Object.keys(readGrantHeader(grant)).sort()).toEqual(['epoch', 'itemId', 'recipientBoxPublicKey', 'recipientUserId', 'role', 'signerUserId', 'version']);
    expect(openGrant(grant, options).itemName).toBe(canary);
  });

  it('gives every grant the same size whatever the kind and name', () => {
    const sizes = new Set<number>();
    for (const itemKind of GRANT_ITEM_KINDS) {
      for (const itemName of ['', 'a', HOSTILE_NAME, 'é'.repeat(512)]) sizes.add(sealGrant(input({ itemKind, itemName })).length);
    }
    expect([...sizes]).toEqual([5 + 237 + 48 + 1289 + 64]);
  });

  it('refuses unknown kinds and names that are too long or not well-formed when sealing (MALFORMED)', () => {
    for (const itemKind of ['album', 'Folder', 'folder ', '', 'calendars']) {
      expectCryptoError(() => sealGrant(input({ itemKind: itemKind as GrantItemKind })), 'MALFORMED');
    }
    expectCryptoError(() => sealGrant(input({ itemKind: undefined as unknown as GrantItemKind })), 'MALFORMED');
    // 1025 bytes; 342 three-byte characters are 1026 bytes in far fewer than 1024 code units
    for (const itemName of ['a'.repeat(1025), '€'.repeat(342), 'plan \uD800', '\uDFFF']) {
      expectCryptoError(() => sealGrant(input({ itemName })), 'MALFORMED');
    }
    expectCryptoError(() => sealGrant(input({ itemName: undefined as unknown as string })), 'MALFORMED');
  });

  it('refuses a signed payload with an unknown kind, an over-long or non-UTF-8 name, or bad padding (MALFORMED)', () => {
    const header = { itemId: 'item-1', epoch: 3, role: 'viewer', recipientUserId: 'user-bob', recipientBoxPublicKey: bob.box.publicKey, signerUserId: 'user-alice' };
    const forge = (payload: ReturnType<typeof buildGrantPayload>) =>
      buildGrant({ header, payload, sealTo: bob.box.publicKey, signWith: alice.signing.secretKey });
    expect(openGrant(forge(buildGrantPayload()), options).itemKind).toBe('folder');
    const good = buildGrantPayload();
    const badPayloads = [
      buildGrantPayload({ itemKind: 'album' }),
      buildGrantPayload({ itemKind: 'FOLDER' }),
      buildGrantPayload({ itemName: 'a'.repeat(1025) }),
      buildGrantPayload({ padding: new Uint8Array((good.padding as Uint8Array).length - 1) }),
      buildGrantPayload({ padding: new Uint8Array((good.padding as Uint8Array).length + 1) }),
      buildGrantPayload({ padding: (good.padding as Uint8Array).map((_, i) => (i === 7 ? 1 : 0)) }),
    ];
    for (const payload of badPayloads) expectCryptoError(() => openGrant(forge(payload), options), 'MALFORMED');

    const bytes = encodeAad(DOMAINS.grantPayload, buildGrantPayload({ itemName: 'NAME' }));
    bytes[indexOfBytes(bytes, new TextEncoder().encode('NAME'))] = 0xff;
    const notUtf8 = buildGrant({ header, payload: {}, sealTo: bob.box.publicKey, signWith: alice.signing.secretKey, sealedOverride: getSodium().crypto_box_seal(bytes, bob.box.publicKey) });
    expectCryptoError(() => openGrant(notUtf8, options), 'MALFORMED');
  });

  it('refuses a payload re-sealed with another name or kind under the genuine signature (SIGNATURE_INVALID)', () => {
    const genuine = sealGrant(input());
    const signedEnd = 5 + new DataView(genuine.buffer, genuine.byteOffset).getUint32(1);
    const signature = genuine.subarray(genuine.length - 64);
    // anyone with bob's public key, the server included, can seal a payload to him
    for (const change of [{ itemName: 'Payroll' }, { itemKind: 'file' }] as AadFields[]) {
      const payload = encodeAad(DOMAINS.grantPayload, buildGrantPayload({ role: 'editor', ...change }));
      const resealed = getSodium().crypto_box_seal(payload, bob.box.publicKey);
      const forged = new Uint8Array([...genuine.subarray(0, signedEnd), ...resealed, ...signature]);
      expect(forged.length).toBe(genuine.length);
      expectCryptoError(() => openGrant(forged, options), 'SIGNATURE_INVALID');
    }
  });
});

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
