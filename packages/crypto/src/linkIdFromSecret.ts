import { blake2b256 } from './blake2b256.ts';
import { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { encodeAad } from './encodeAad.ts';
import { toBase64Url } from './toBase64Url.ts';
import type { LinkSecret } from './types.ts';

/**
 * The only link identifier the server sees: BLAKE2b-256 keyed by
 * crypto_kdf(secret, 1, "linkid__") over encodeAad(coffre/link-id/v1, {}),
 * base64url (43 characters). One-way: it reveals nothing of the link key.
 */
export function linkIdFromSecret(secret: LinkSecret): string {
  const key = deriveSubkey(secret, SUBKEY_IDS.linkId, KDF_CONTEXTS.linkId);
  return toBase64Url(blake2b256(encodeAad(DOMAINS.linkId, {}), key));
}
