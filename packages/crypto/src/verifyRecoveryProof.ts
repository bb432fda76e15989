import { DOMAINS } from './contexts.ts';
import { recoveryProofMessage } from './recoveryProofMessage.ts';
import { verifyDetached } from './verifyDetached.ts';
import type { SigningPublicKey } from './types.ts';

/**
 * Checks a signRecoveryProof signature for this challenge and user.
 * @throws CryptoError('SIGNATURE_INVALID') or 'MALFORMED' (short challenge)
 */
export function verifyRecoveryProof(publicKey: SigningPublicKey, challenge: Uint8Array, userId: string, signature: Uint8Array): void {
  verifyDetached(publicKey, DOMAINS.recoveryProof, recoveryProofMessage(challenge, userId), signature);
}
