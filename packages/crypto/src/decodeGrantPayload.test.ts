import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from './contexts.ts';
import { decodeGrantPayload } from './decodeGrantPayload.ts';
import { deriveWriteKeyPair } from './deriveWriteKeyPair.ts';
import { encodeAad } from './encodeAad.ts';
import { encodeGrantPayload, type GrantPayload } from './encodeGrantPayload.ts';
import { initCrypto } from './initCrypto.ts';
import { GRANT_LAYOUT } from './grantLayout.ts';
import { GRANT_ITEM_KINDS } from './isGrantItemKind.ts';
import { MAX_GRANT_ITEM_NAME_BYTES } from './limits.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { buildGrantPayload } from './testing/buildGrantPayload.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { fromHexForTest } from './testing/fromHexForTest.ts';
import { toHex } from './toHex.ts';
import type { SymmetricKey } from './types.ts';

function buildPayload(overrides: Partial<GrantPayload> = {}): GrantPayload {
  return { itemId: 'item-1', epoch: 3, role: 'viewer', itemKey: fixedBytes(32, 4) as SymmetricKey, itemKind: 'doc', itemName: 'Notes', ...overrides };
}

describe('encodeGrantPayload / decodeGrantPayload', () => {
  beforeAll(initCrypto);

  it('sizes the padding from the longest name and kind', () => {
    expect(GRANT_LAYOUT.payloadTextBytes).toBe(MAX_GRANT_ITEM_NAME_BYTES + Math.max(...GRANT_ITEM_KINDS.map((kind) => kind.length)));
    expect(GRANT_LAYOUT.payloadTextBytes).toBe(1032);
  });

  it('encodes a fixed vector, one size for every kind, name and role, and decodes back to the same bytes', () => {
    const encoded = encodeGrantPayload(buildPayload());
    expect(encoded.length).toBe(SIZE);
    expect(toHex(encoded.subarray(0, 28))).toBe('01' + '0017' + '636f666672652f6772616e742d7061796c6f61642f7633' + '0009'); // coffre/grant-payload/v3, 9 fields
    // fields sorted by name: …, role, writeKey, writer; empty write fields for an item made before write keys
    expect(toHex(encoded.subarray(encoded.length - 42))).toBe('04726f6c650200000006766965776572' + '0877726974654b657901' + '00000000' + '067772697465720100000000');
    for (const itemKind of GRANT_ITEM_KINDS) {
      for (const itemName of ['', '🙂', 'x'.repeat(MAX_GRANT_ITEM_NAME_BYTES)]) {
        const payload = buildPayload({ itemKind, itemName });
        const bytes = encodeGrantPayload(payload);
        expect(bytes.length).toBe(SIZE);
        expect(decodeGrantPayload(bytes)).toEqual(payload);
        expect(encodeGrantPayload(decodeGrantPayload(bytes))).toEqual(bytes);
      }
    }
    const writer = deriveWriteKeyPair(WRITE_KEY).publicKey;
    for (const payload of [
      buildPayload({ writer }),
      buildPayload({ role: 'editor', writer, writeKey: WRITE_KEY }),
      buildPayload({ role: 'admin', writer, writeKey: WRITE_KEY }),
    ]) {
      const bytes = encodeGrantPayload(payload);
      expect(bytes.length).toBe(SIZE - (6 - payload.role.length)); // the role is in the signed header anyway
      expect(decodeGrantPayload(bytes)).toEqual(payload);
    }
  });

  it('refuses a write key for a viewer, without a writer, of another writer, or of a wrong length', () => {
    const writer = deriveWriteKeyPair(WRITE_KEY).publicKey;
    const other = deriveWriteKeyPair(fixedBytes(32, 12) as SymmetricKey).publicKey;
    expectCryptoError(() => encodeGrantPayload(buildPayload({ role: 'viewer', writer, writeKey: WRITE_KEY })), 'MALFORMED');
    expectCryptoError(() => encodeGrantPayload(buildPayload({ role: 'editor', writeKey: WRITE_KEY })), 'MALFORMED');
    expectCryptoError(() => encodeGrantPayload(buildPayload({ role: 'editor', writer: other, writeKey: WRITE_KEY })), 'KEY_MISMATCH');
    expectCryptoError(
      () =>
        encodeGrantPayload(buildPayload({ role: 'editor', writer, writeKey: new Uint8Array(16) as SymmetricKey })),
      'MALFORMED',
    );
    expectCryptoError(() => encodeGrantPayload(buildPayload({ writer: new Uint8Array(31) })), 'MALFORMED');
    // and the same checks when decoding what a malicious sharer sealed
    const forged = encodeAad(DOMAINS.grantPayload, buildGrantPayload({ role: 'viewer', writer, writeKey: WRITE_KEY }));
    expectCryptoError(() => decodeGrantPayload(forged), 'MALFORMED');
    const mismatched = encodeAad(DOMAINS.grantPayload, buildGrantPayload({ role: 'editor', writer: other, writeKey: WRITE_KEY }));
    expectCryptoError(() => decodeGrantPayload(mismatched), 'KEY_MISMATCH');
  });

  it('still reads a version 2 payload (shared before write keys): no writer, no write key', () => {
    const fields = { itemId: 'item-1', epoch: 3, role: 'editor', itemKey: fixedBytes(32, 4), itemKind: 'doc', itemName: 'Notes' };
    const v2 = encodeAad(DOMAINS.grantPayloadV2, { ...fields, padding: new Uint8Array(GRANT_LAYOUT.payloadTextBytes - 'docNotes'.length) });
    expect(v2.length).toBe(1199);
    expect(decodeGrantPayload(v2)).toEqual(fields);
    const badPadding = encodeAad(DOMAINS.grantPayloadV2, { ...fields, padding: new Uint8Array(3) });
    expectCryptoError(() => decodeGrantPayload(badPadding), 'MALFORMED');
    // v3 fields under the v2 domain are not a v2 record
    const mixed = encodeAad(DOMAINS.grantPayloadV2, buildGrantPayload());
    expectCryptoError(() => decodeGrantPayload(mixed), 'MALFORMED');
  });

  it('refuses a flipped padding byte and a record under the retired domain (MALFORMED)', () => {
    const bytes = encodeGrantPayload(buildPayload());
    const flipped = bytes.slice();
    flipped[flipped.length - 43]! ^= 1; // last padding byte, just before the role field
    expectCryptoError(() => decodeGrantPayload(flipped), 'MALFORMED');
    const retired = fromHexForTest(toHex(bytes).replace('2f7633', '2f7631')); // …/v3 → …/v1
    expectCryptoError(() => decodeGrantPayload(retired), 'MALFORMED');
  });
});

/** One size for every grant payload: v2's 1,199 bytes, plus the two write fields (26) and their room in the padding (64). */
const SIZE = 1289;
const WRITE_KEY = fixedBytes(32, 11) as SymmetricKey;
