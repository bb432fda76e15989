import { fingerprintBytes } from './fingerprintBytes.ts';
import { toHex } from './toHex.ts';
import type { BoxPublicKey, SigningPublicKey } from './types.ts';

/** A user's key fingerprint for display: 64 hex digits in 16 space-separated groups of 4. */
export function fingerprint(bundle: { signingPublicKey: SigningPublicKey; boxPublicKey: BoxPublicKey }): string {
  return toHex(fingerprintBytes(bundle)).match(/.{4}/g)!.join(' ');
}
