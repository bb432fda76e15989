import { assertInitialised } from './assertInitialised.ts';
import { blake2b256 } from './blake2b256.ts';
import { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { encodeAad } from './encodeAad.ts';
import { toBase64Url } from './toBase64Url.ts';
import type { SymmetricKey } from './types.ts';

/**
 * What a link visitor shows the server to get the link's sealed payload:
 * BLAKE2b-256 keyed by crypto_kdf(linkKey, 1, "linkauth") over
 * encodeAad(coffre/link-access/v1, {linkId}), base64url. Only someone with
 * the link secret (and its password, if any) can make it, so the server can
 * refuse and rate-limit wrong passwords instead of handing out a payload
 * that could be guessed at offline. It is one-way: it reveals nothing of the
 * link key or the secret.
 */
export function linkAccessProof(linkKey: SymmetricKey, linkId: string): string {
  assertInitialised();
  const key = deriveSubkey(linkKey, SUBKEY_IDS.linkAccess, KDF_CONTEXTS.linkAccess);
  return toBase64Url(blake2b256(encodeAad(DOMAINS.linkAccess, { linkId }), key));
}
