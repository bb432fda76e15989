import type { BoxPublicKey } from './types.ts';

export type GrantRole = 'viewer' | 'editor' | 'admin';
export const GRANT_ROLES: readonly GrantRole[] = ['viewer', 'editor', 'admin'];

/** version(1)=1 ‖ u32 headerLength ‖ header ‖ sealed ‖ signature(64) */
export const GRANT_LAYOUT = {
  version: 1,
  headerOffset: 5,
  signatureBytes: 64,
  /** crypto_box_seal overhead: ephemeral public key 32 + MAC 16 */
  sealOverheadBytes: 48,
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

/** Sealed payload fields (encodeAad record, domain coffre/grant-payload/v1). */
export const GRANT_PAYLOAD_SCHEMA = {
  itemId: 'string',
  epoch: 'number',
  role: 'string',
  itemKey: 'bytes',
} as const;

export interface GrantHeader {
  version: number;
  itemId: string;
  epoch: number;
  role: GrantRole;
  recipientUserId: string;
  recipientBoxPublicKey: BoxPublicKey;
  signerUserId: string;
}
