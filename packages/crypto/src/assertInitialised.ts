import { CryptoError } from './CryptoError.ts';
import { cryptoRuntime } from './cryptoRuntime.ts';

/** @throws CryptoError('NOT_INITIALISED') until initCrypto() has resolved. */
export function assertInitialised(): void {
  if (!cryptoRuntime.initialised) throw new CryptoError('NOT_INITIALISED');
}
