import { blake2b256 } from './blake2b256.ts';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS } from './contexts.ts';
import { encodeAad } from './encodeAad.ts';
import { LINK_FRAGMENT_LAYOUT } from './linkFragmentLayout.ts';

/** First 4 bytes of BLAKE2b-256 over the fragment body: catches mangled links early. */
export function linkFragmentChecksum(body: Uint8Array): Uint8Array {
  return blake2b256(concatBytes(encodeAad(DOMAINS.linkFragmentChecksum, {}), body)).subarray(
    0,
    LINK_FRAGMENT_LAYOUT.checksumBytes,
  );
}
