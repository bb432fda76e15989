import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decoding. @throws CryptoError('MALFORMED') on invalid UTF-8 */
export function utf8Decode(bytes: Uint8Array): string {
  assertInitialised();
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CryptoError('MALFORMED', 'utf-8 bytes');
  }
}
