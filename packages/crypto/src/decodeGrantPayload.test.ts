import { beforeAll, describe, expect, it } from 'vitest';
import { decodeGrantPayload } from './decodeGrantPayload.ts';
import { encodeGrantPayload, type GrantPayload } from './encodeGrantPayload.ts';
import { initCrypto } from './initCrypto.ts';
import { GRANT_LAYOUT } from './grantLayout.ts';
import { GRANT_ITEM_KINDS } from './isGrantItemKind.ts';
import { MAX_GRANT_ITEM_NAME_BYTES } from './limits.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
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

  it('encodes a fixed vector, one size for every kind and name, and decodes back to the same bytes', () => {
    const encoded = encodeGrantPayload(buildPayload());
    expect(encoded.length).toBe(1199);
    expect(toHex(encoded.subarray(0, 28))).toBe('01' + '0017' + '636f666672652f6772616e742d7061796c6f61642f7632' + '0007'); // coffre/grant-payload/v2, 7 fields
    expect(toHex(encoded.subarray(encoded.length - 16))).toBe('04726f6c650200000006766965776572'); // role = viewer
    for (const itemKind of GRANT_ITEM_KINDS) {
      for (const itemName of ['', '🙂', 'x'.repeat(MAX_GRANT_ITEM_NAME_BYTES)]) {
        const payload = buildPayload({ itemKind, itemName });
        const bytes = encodeGrantPayload(payload);
        expect(bytes.length).toBe(1199);
        expect(decodeGrantPayload(bytes)).toEqual(payload);
        expect(encodeGrantPayload(decodeGrantPayload(bytes))).toEqual(bytes);
      }
    }
  });

  it('refuses a flipped padding byte and a record under the retired domain (MALFORMED)', () => {
    const bytes = encodeGrantPayload(buildPayload());
    const flipped = bytes.slice();
    flipped[flipped.length - 17]! ^= 1; // last padding byte, just before the role field
    expectCryptoError(() => decodeGrantPayload(flipped), 'MALFORMED');
    const retired = fromHexForTest(toHex(bytes).replace('2f7632', '2f7631')); // …/v2 → …/v1
    expectCryptoError(() => decodeGrantPayload(retired), 'MALFORMED');
  });
});
