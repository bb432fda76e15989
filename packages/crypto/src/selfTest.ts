import { CryptoError } from './CryptoError.ts';
import { cryptoRuntime } from './cryptoRuntime.ts';
import { runSelfTest } from './runSelfTest.ts';

/**
 * Known-answer tests of XChaCha20-Poly1305, Ed25519, X25519, BLAKE2b,
 * crypto_kdf, Argon2id and sealed boxes. initCrypto runs it once; call again
 * to re-check at any time.
 * @throws CryptoError('SELF_TEST_FAILED'); 'NOT_INITIALISED' before sodium loaded
 */
export function selfTest(): void {
  if (cryptoRuntime.sodium === null) throw new CryptoError('NOT_INITIALISED');
  runSelfTest(cryptoRuntime.sodium);
}
