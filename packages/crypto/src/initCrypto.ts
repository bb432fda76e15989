import * as opaque from '@serenity-kit/opaque';
import _sodium from 'libsodium-wrappers-sumo';
import { cryptoRuntime } from './cryptoRuntime.ts';
import { runSelfTest } from './runSelfTest.ts';

let initialisation: Promise<void> | undefined;

/**
 * Loads libsodium and OPAQUE and runs the known-answer self-test, once
 * (memoised). Every other function of this package throws NOT_INITIALISED
 * until this resolves; if the self-test fails it rejects, now and on every
 * later call, and the package stays unusable.
 * @throws CryptoError('SELF_TEST_FAILED')
 */
export function initCrypto(): Promise<void> {
  initialisation ??= (async () => {
    await _sodium.ready;
    await opaque.ready;
    cryptoRuntime.sodium = _sodium;
    runSelfTest(_sodium);
    cryptoRuntime.initialised = true;
  })();
  return initialisation;
}
