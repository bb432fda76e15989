import type { AadFields } from './aadFormat.ts';
import type { BoxPublicKey, SigningPublicKey } from './types.ts';

/** AAD of a wrapped identity: the owner and both public keys it must yield. */
export function identityWrapFields(userId: string, signingPublicKey: SigningPublicKey, boxPublicKey: BoxPublicKey): AadFields {
  return { userId, signingPublicKey, boxPublicKey };
}
