import { assertInitialised } from './assertInitialised.ts';
import type { AadFields } from './aadFormat.ts';
import { WRAP_DOMAINS, type WrapPurpose } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { openAead } from './openAead.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';

/**
 * Inverse of wrapKey with the same purpose and fields.
 * @throws CryptoError — the openAead codes, or 'MALFORMED' if the
 *   authenticated content is not a 32-byte key
 */
export function unwrapKey(wrappingKey: SymmetricKey, wrapped: Uint8Array, purpose: WrapPurpose, fields: AadFields): SymmetricKey {
  assertInitialised();
  const domain = WRAP_DOMAINS[purpose];
  if (domain === undefined) throw new CryptoError('MALFORMED', 'wrap purpose');
  const key = openAead(wrappingKey, wrapped, domain, fields);
  if (key.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'unwrapped key length');
  return key as SymmetricKey;
}
