import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeAad } from './decodeAad.ts';
import type { GrantPayload } from './encodeGrantPayload.ts';
import { assertWriteFields } from './encodeGrantPayload.ts';
import { GRANT_LAYOUT, GRANT_PAYLOAD_SCHEMA, GRANT_PAYLOAD_SCHEMA_V2, GRANT_WRITE_FIELD_BYTES, type GrantRole } from './grantLayout.ts';
import { isGrantItemKind, type GrantItemKind } from './isGrantItemKind.ts';
import { isGrantRole } from './isGrantRole.ts';
import { MAX_GRANT_ITEM_NAME_BYTES } from './limits.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';
import { utf8Encode } from './utf8Encode.ts';

/**
 * Decodes and checks an opened grant payload (v3, or v2 from before write
 * keys); the padding must be zeros of exactly the length the sealer had to
 * use, so the encoding stays canonical.
 * @throws CryptoError('MALFORMED' | 'KEY_MISMATCH')
 */
export function decodeGrantPayload(bytes: Uint8Array): GrantPayload {
  if (recordDomainIs(bytes, DOMAINS.grantPayloadV2)) return decodeV2(bytes);
  const fields = decodeAad(DOMAINS.grantPayload, bytes, GRANT_PAYLOAD_SCHEMA);
  const text = checkText(fields);
  assertWriteFields(fields.role as GrantRole, fields.writer, fields.writeKey);
  const paddingBytes = GRANT_LAYOUT.payloadTextBytes + GRANT_WRITE_FIELD_BYTES - text - fields.writer.length - fields.writeKey.length;
  checkPadding(fields.padding, paddingBytes);
  return {
    itemId: fields.itemId,
    epoch: fields.epoch,
    role: fields.role as GrantRole,
    itemKey: fields.itemKey as SymmetricKey,
    itemKind: fields.itemKind as GrantItemKind,
    itemName: fields.itemName,
    ...(fields.writer.length > 0 ? { writer: fields.writer } : {}),
    ...(fields.writeKey.length > 0 ? { writeKey: fields.writeKey as SymmetricKey } : {}),
  };
}

/** A grant sealed before write keys: no writer, no write key. */
function decodeV2(bytes: Uint8Array): GrantPayload {
  const fields = decodeAad(DOMAINS.grantPayloadV2, bytes, GRANT_PAYLOAD_SCHEMA_V2);
  checkPadding(fields.padding, GRANT_LAYOUT.payloadTextBytes - checkText(fields));
  return { itemId: fields.itemId, epoch: fields.epoch, role: fields.role as GrantRole, itemKey: fields.itemKey as SymmetricKey, itemKind: fields.itemKind as GrantItemKind, itemName: fields.itemName };
}

/** Role, item key, kind and name; returns the UTF-8 bytes of kind + name. */
function checkText(fields: { role: string; itemKey: Uint8Array; itemKind: string; itemName: string }): number {
  if (!isGrantRole(fields.role)) throw new CryptoError('MALFORMED', 'grant payload role');
  if (fields.itemKey.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'grant item key');
  if (!isGrantItemKind(fields.itemKind)) throw new CryptoError('MALFORMED', 'grant item kind');
  const nameBytes = utf8Encode(fields.itemName).length;
  if (nameBytes > MAX_GRANT_ITEM_NAME_BYTES) throw new CryptoError('MALFORMED', 'grant item name');
  return fields.itemKind.length + nameBytes;
}

/** The padding must be zeros of exactly the length the sealer had to use, so the encoding stays canonical. */
function checkPadding(padding: Uint8Array, expected: number): void {
  if (padding.length !== expected || padding.some((byte) => byte !== 0)) throw new CryptoError('MALFORMED', 'grant payload padding');
}

/** Whether an encodeAad record names `domain` (version byte, u16 length, domain). */
function recordDomainIs(bytes: Uint8Array, domain: string): boolean {
  const expected = utf8Encode(domain);
  if (bytes.length < 3 + expected.length || bytes[0] !== 1) return false;
  if (((bytes[1]! << 8) | bytes[2]!) !== expected.length) return false;
  return expected.every((b, i) => bytes[3 + i] === b);
}
