import { assertInitialised } from './assertInitialised.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import { CryptoError } from './CryptoError.ts';
import { fromBase64Url } from './fromBase64Url.ts';
import { linkFragmentChecksum } from './linkFragmentChecksum.ts';
import { LINK_FRAGMENT_LAYOUT } from './linkFragmentLayout.ts';
import type { LinkSecret } from './types.ts';

const { version, flagsOffset, secretOffset, checksumOffset, totalBytes, flags, knownFlags } = LINK_FRAGMENT_LAYOUT;

/**
 * Reads encodeLinkFragment output (a leading '#' is allowed).
 * @throws CryptoError('MALFORMED' | 'UNSUPPORTED_VERSION')
 */
export function decodeLinkFragment(fragment: string): { secret: LinkSecret; hasPassword: boolean } {
  assertInitialised();
  if (typeof fragment !== 'string') throw new CryptoError('MALFORMED', 'link fragment');
  const bytes = fromBase64Url(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  if (bytes.length < 1) throw new CryptoError('MALFORMED', 'link fragment');
  if (bytes[0] !== version) throw new CryptoError('UNSUPPORTED_VERSION', 'link fragment');
  if (bytes.length !== totalBytes) throw new CryptoError('MALFORMED', 'link fragment length');
  const flagByte = bytes[flagsOffset]!;
  if ((flagByte & ~knownFlags) !== 0) throw new CryptoError('MALFORMED', 'link fragment flags');
  if (!constantTimeEqual(bytes.subarray(checksumOffset), linkFragmentChecksum(bytes.subarray(0, checksumOffset)))) {
    throw new CryptoError('MALFORMED', 'link fragment checksum');
  }
  return {
    secret: bytes.slice(secretOffset, checksumOffset) as LinkSecret,
    hasPassword: (flagByte & flags.hasPassword) !== 0,
  };
}
