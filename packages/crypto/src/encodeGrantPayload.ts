import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import { deriveWriteKeyPair } from './deriveWriteKeyPair.ts';
import { GRANT_LAYOUT, GRANT_WRITE_FIELD_BYTES, type GrantRole } from './grantLayout.ts';
import { isGrantItemKind, type GrantItemKind } from './isGrantItemKind.ts';
import { MAX_GRANT_ITEM_NAME_BYTES } from './limits.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';
import { utf8Encode } from './utf8Encode.ts';

export interface GrantPayload {
  itemId: string;
  epoch: number;
  role: GrantRole;
  itemKey: SymmetricKey;
  itemKind: GrantItemKind;
  itemName: string;
  /** The item's public write key; absent for an item made before write keys (ADR 0016). */
  writer?: Uint8Array;
  /** The item's write key: for editors and admins of an item with a writer. */
  writeKey?: SymmetricKey;
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
  const writer = payload.writer ?? new Uint8Array(0);
  const writeKey = payload.writeKey ?? new Uint8Array(0);
  assertWriteFields(payload.role, writer, writeKey);
  return encodeAad(DOMAINS.grantPayload, {
    itemId: payload.itemId,
    epoch: payload.epoch,
    role: payload.role,
    itemKey: payload.itemKey,
    itemKind: payload.itemKind,
    itemName: payload.itemName,
    writer,
    writeKey,
    padding: new Uint8Array(GRANT_LAYOUT.payloadTextBytes + GRANT_WRITE_FIELD_BYTES - payload.itemKind.length - nameBytes - writer.length - writeKey.length),
  });
}

/**
 * A writer is 32 bytes or absent; a write key goes only with a writer, only
 * to editors and admins, and must be the writer's (deriveWriteKeyPair).
 * @throws CryptoError('MALFORMED' | 'KEY_MISMATCH')
 */
export function assertWriteFields(role: GrantRole, writer: Uint8Array, writeKey: Uint8Array): void {
  if (writer.length !== 0 && writer.length !== KEY_BYTES.signingPublic) throw new CryptoError('MALFORMED', 'grant writer');
  if (writeKey.length === 0) return;
  if (writeKey.length !== KEY_BYTES.symmetric || writer.length === 0 || role === 'viewer') throw new CryptoError('MALFORMED', 'grant write key');
  if (!constantTimeEqual(deriveWriteKeyPair(writeKey as SymmetricKey).publicKey, writer)) throw new CryptoError('KEY_MISMATCH', 'grant write key');
}
