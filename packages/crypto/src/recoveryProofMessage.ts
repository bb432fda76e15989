import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';

const MIN_CHALLENGE_BYTES = 16;

/** The signed record of a recovery proof: the server's challenge bound to the user id. */
export function recoveryProofMessage(challenge: Uint8Array, userId: string): Uint8Array {
  if (!(challenge instanceof Uint8Array) || challenge.length < MIN_CHALLENGE_BYTES) {
    throw new CryptoError('MALFORMED', 'recovery challenge');
  }
  return encodeAad(DOMAINS.recoveryProof, { challenge, userId });
}
