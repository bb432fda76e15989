import { blake2b256 } from './blake2b256.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { KEY_BYTES, type SigningPublicKey } from './types.ts';
import { WORDLIST } from './wordlist.ts';

export const SAFETY_NUMBER_WORDS = 12;

/**
 * Words two people read to each other to check they see the same two signing
 * keys: the first 12 bytes of BLAKE2b-256 over both keys (sorted, so both
 * sides get the same list), each byte picking one of 256 words (96 bits).
 * @throws CryptoError('MALFORMED')
 */
export function safetyNumber(a: SigningPublicKey, b: SigningPublicKey): string[] {
  if (a.length !== KEY_BYTES.signingPublic || b.length !== KEY_BYTES.signingPublic) {
    throw new CryptoError('MALFORMED', 'signing public key');
  }
  const [low, high] = compareBytes(a, b) <= 0 ? [a, b] : [b, a];
  const digest = blake2b256(encodeAad(DOMAINS.safetyNumber, { low, high }));
  return Array.from(digest.subarray(0, SAFETY_NUMBER_WORDS), (byte) => WORDLIST[byte]!);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const diff = a[i]! - b[i]!;
    if (diff !== 0) return diff;
  }
  return 0;
}
