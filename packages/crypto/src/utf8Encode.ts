import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * UTF-8 bytes of a string. Lone surrogates are refused instead of being
 * replaced by U+FFFD, so two different strings never encode alike.
 * @throws CryptoError('MALFORMED')
 */
export function utf8Encode(text: string): Uint8Array {
  assertInitialised();
  if (typeof text !== 'string' || LONE_SURROGATE.test(text)) throw new CryptoError('MALFORMED', 'utf-8 text');
  return encoder.encode(text);
}
