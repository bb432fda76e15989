import { CryptoError } from './CryptoError.ts';
import { cryptoRuntime, type Sodium } from './cryptoRuntime.ts';

/** The loaded, self-tested libsodium. @throws CryptoError('NOT_INITIALISED') */
export function getSodium(): Sodium {
  const { sodium, initialised } = cryptoRuntime;
  if (!initialised || sodium === null) throw new CryptoError('NOT_INITIALISED');
  return sodium;
}
