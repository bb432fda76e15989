import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeAad } from './decodeAad.ts';
import type { GrantPayload } from './encodeGrantPayload.ts';
import { GRANT_LAYOUT, GRANT_PAYLOAD_SCHEMA } from './grantLayout.ts';
import { isGrantItemKind } from './isGrantItemKind.ts';
import { isGrantRole } from './isGrantRole.ts';
import { MAX_GRANT_ITEM_NAME_BYTES } from './limits.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';
import { utf8Encode } from './utf8Encode.ts';

/**
 * Decodes and checks an opened grant payload; the padding must be zeros of
 * exactly the length the sealer had to use, so the encoding stays canonical.
 * @throws CryptoError('MALFORMED')
 */
export function decodeGrantPayload(bytes: Uint8Array): GrantPayload {
  const fields = decodeAad(DOMAINS.grantPayload, bytes, GRANT_PAYLOAD_SCHEMA);
  if (!isGrantRole(fields.role)) throw new CryptoError('MALFORMED', 'grant payload role');
  if (fields.itemKey.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'grant item key');
  if (!isGrantItemKind(fields.itemKind)) throw new CryptoError('MALFORMED', 'grant item kind');
  const nameBytes = utf8Encode(fields.itemName).length;
  if (nameBytes > MAX_GRANT_ITEM_NAME_BYTES) throw new CryptoError('MALFORMED', 'grant item name');
  const paddingBytes = GRANT_LAYOUT.payloadTextBytes - fields.itemKind.length - nameBytes;
  if (fields.padding.length !== paddingBytes || fields.padding.some((byte) => byte !== 0)) {
    throw new CryptoError('MALFORMED', 'grant payload padding');
  }
  return {
    itemId: fields.itemId,
    epoch: fields.epoch,
    role: fields.role,
    itemKey: fields.itemKey as SymmetricKey,
    itemKind: fields.itemKind,
    itemName: fields.itemName,
  };
}
