import { assertInitialised } from './assertInitialised.ts';
import type { AadFields } from './aadFormat.ts';
import { WRAP_DOMAINS, type WrapPurpose } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { sealAead } from './sealAead.ts';
import { KEY_BYTES, type SymmetricKey } from './types.ts';

/**
 * Wraps a 32-byte key with sealAead under domain `coffre/wrap/<purpose>/v1`;
 * `fields` name the slot (user id, item id, epoch, …) the blob belongs to.
 * @throws CryptoError('MALFORMED')
 */
export function wrapKey(wrappingKey: SymmetricKey, keyToWrap: SymmetricKey, purpose: WrapPurpose, fields: AadFields): Uint8Array {
  assertInitialised();
  const domain = WRAP_DOMAINS[purpose];
  if (domain === undefined) throw new CryptoError('MALFORMED', 'wrap purpose');
  if (keyToWrap.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'key to wrap');
  return sealAead(wrappingKey, keyToWrap, domain, fields);
}
