import { assertInitialised } from './assertInitialised.ts';
import { concatBytes } from './concatBytes.ts';
import { CryptoError } from './CryptoError.ts';
import { linkFragmentChecksum } from './linkFragmentChecksum.ts';
import { LINK_FRAGMENT_LAYOUT } from './linkFragmentLayout.ts';
import { toBase64Url } from './toBase64Url.ts';
import { KEY_BYTES, type LinkSecret } from './types.ts';

/**
 * The URL fragment of a share link (without '#'):
 * base64url(version=1 ‖ flags ‖ secret(32) ‖ checksum(4)).
 * @throws CryptoError('MALFORMED')
 */
export function encodeLinkFragment(link: { secret: LinkSecret; hasPassword: boolean }): string {
  assertInitialised();
  if (link.secret.length !== KEY_BYTES.linkSecret) throw new CryptoError('MALFORMED', 'link secret');
  const flags = link.hasPassword ? LINK_FRAGMENT_LAYOUT.flags.hasPassword : 0;
  const body = concatBytes(Uint8Array.of(LINK_FRAGMENT_LAYOUT.version, flags), link.secret);
  return toBase64Url(concatBytes(body, linkFragmentChecksum(body)));
}
