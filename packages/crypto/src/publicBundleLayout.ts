import type { BoxPublicKey, SigningPublicKey } from './types.ts';

/** version(1)=1 ‖ signingPublicKey(32) ‖ record ‖ signature(64) */
export const PUBLIC_BUNDLE_LAYOUT = {
  version: 1,
  signingKeyOffset: 1,
  recordOffset: 33,
  signatureBytes: 64,
} as const;

export const PUBLIC_BUNDLE_SCHEMA = {
  userId: 'string',
  username: 'string',
  createdAt: 'number',
  boxPublicKey: 'bytes',
} as const;

export interface PublicBundle {
  version: number;
  userId: string;
  username: string;
  /** milliseconds since the Unix epoch */
  createdAt: number;
  signingPublicKey: SigningPublicKey;
  boxPublicKey: BoxPublicKey;
}
