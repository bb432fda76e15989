import { GRANT_ITEM_KINDS } from './isGrantItemKind.ts';
import { MAX_GRANT_ITEM_NAME_BYTES } from './limits.ts';
import type { BoxPublicKey } from './types.ts';

export type GrantRole = 'viewer' | 'editor' | 'admin';
export const GRANT_ROLES: readonly GrantRole[] = ['viewer', 'editor', 'admin'];

/**
 * version(1)=2 ‖ u32 headerLength ‖ header ‖ sealed ‖ signature(64).
 * Version 1 (no item kind or name in the payload) is retired.
 */
export const GRANT_LAYOUT = {
  version: 2,
  headerOffset: 5,
  signatureBytes: 64,
  /** crypto_box_seal overhead: ephemeral public key 32 + MAC 16 */
  sealOverheadBytes: 48,
  /**
   * UTF-8 bytes of itemKind + itemName + padding in every payload (1032):
   * the longest name plus the longest kind, so that the size of a grant
   * reveals neither to the server. Kinds are ASCII: length = bytes.
   */
  payloadTextBytes: MAX_GRANT_ITEM_NAME_BYTES + Math.max(...GRANT_ITEM_KINDS.map((kind) => kind.length)),
} as const;

/** Signed, public header fields (encodeAad record, domain coffre/grant/v1). */
export const GRANT_HEADER_SCHEMA = {
  itemId: 'string',
  epoch: 'number',
  role: 'string',
  recipientUserId: 'string',
  recipientBoxPublicKey: 'bytes',
  signerUserId: 'string',
  sealedHash: 'bytes',
} as const;

/**
 * Sealed payload fields (encodeAad record, domain coffre/grant-payload/v2).
 * Kind and name live here only, never in the header the server can read.
 * Still read: items shared before write keys (ADR 0016).
 */
export const GRANT_PAYLOAD_SCHEMA_V2 = {
  itemId: 'string',
  epoch: 'number',
  role: 'string',
  itemKey: 'bytes',
  itemKind: 'string',
  itemName: 'string',
  /** zero bytes up to GRANT_LAYOUT.payloadTextBytes */
  padding: 'bytes',
} as const;

/**
 * Version 3 (domain coffre/grant-payload/v3) adds the item's public write key
 * (`writer`, 32 bytes; empty for an item made before write keys) and its
 * write key (`writeKey`, 32 bytes for editors and admins, else empty). The
 * padding makes up for both, so every grant has one size.
 */
export const GRANT_PAYLOAD_SCHEMA = { ...GRANT_PAYLOAD_SCHEMA_V2, writer: 'bytes', writeKey: 'bytes' } as const;

/** Bytes of writer + writeKey that the padding of a v3 payload makes up for. */
export const GRANT_WRITE_FIELD_BYTES = 64;

export interface GrantHeader {
  version: number;
  itemId: string;
  epoch: number;
  role: GrantRole;
  recipientUserId: string;
  recipientBoxPublicKey: BoxPublicKey;
  signerUserId: string;
}
