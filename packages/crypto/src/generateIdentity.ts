import { generateBoxKeyPair } from './generateBoxKeyPair.ts';
import { generateSigningKeyPair } from './generateSigningKeyPair.ts';
import type { Identity } from './types.ts';

/** Fresh random identity: an Ed25519 and an X25519 key pair. */
export function generateIdentity(): Identity {
  return { signing: generateSigningKeyPair(), box: generateBoxKeyPair() };
}
