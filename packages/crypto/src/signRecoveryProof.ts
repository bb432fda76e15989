import { DOMAINS } from './contexts.ts';
import { recoveryProofMessage } from './recoveryProofMessage.ts';
import { signDetached } from './signDetached.ts';
import type { SigningSecretKey } from './types.ts';

/**
 * Signs (challenge, userId) under domain coffre/recovery-proof/v1 with the
 * key from deriveRecoverySigningKeyPair.
 * @throws CryptoError('MALFORMED') for a challenge under 16 bytes
 */
export function signRecoveryProof(secretKey: SigningSecretKey, challenge: Uint8Array, userId: string): Uint8Array {
  return signDetached(secretKey, DOMAINS.recoveryProof, recoveryProofMessage(challenge, userId));
}
