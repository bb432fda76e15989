import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { GRANT_LAYOUT, type GrantRole } from './grantLayout.ts';
import { isGrantItemKind, type GrantItemKind } from './isGrantItemKind.ts';
import { MAX_GRANT_ITEM_NAME_BYTES } from './limits.ts';
import type { SymmetricKey } from './types.ts';
import { utf8Encode } from './utf8Encode.ts';

export interface GrantPayload {
  itemId: string;
  epoch: number;
  role: GrantRole;
  itemKey: SymmetricKey;
  itemKind: GrantItemKind;
  itemName: string;
}

/**
 * The plaintext sealed to a grant's recipient, padded to one size whatever
 * the kind and name (see GRANT_LAYOUT.payloadTextBytes).
 * @throws CryptoError('MALFORMED') — unknown kind, name not well-formed
 *   UTF-16 or over MAX_GRANT_ITEM_NAME_BYTES
 */
export function encodeGrantPayload(payload: GrantPayload): Uint8Array {
  if (!isGrantItemKind(payload.itemKind)) throw new CryptoError('MALFORMED', 'grant item kind');
  if (typeof payload.itemName !== 'string') throw new CryptoError('MALFORMED', 'grant item name');
  const nameBytes = utf8Encode(payload.itemName).length;
  if (nameBytes > MAX_GRANT_ITEM_NAME_BYTES) throw new CryptoError('MALFORMED', 'grant item name');
  return encodeAad(DOMAINS.grantPayload, {
    itemId: payload.itemId,
    epoch: payload.epoch,
    role: payload.role,
    itemKey: payload.itemKey,
    itemKind: payload.itemKind,
    itemName: payload.itemName,
    padding: new Uint8Array(GRANT_LAYOUT.payloadTextBytes - payload.itemKind.length - nameBytes),
  });
}
