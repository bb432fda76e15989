import { beforeAll, describe, expect, it } from 'vitest';
import { cryptoRuntime } from './cryptoRuntime.ts';
import { initCrypto } from './initCrypto.ts';
import type { KnownAnswerName } from './knownAnswers.ts';
import { runSelfTest } from './runSelfTest.ts';
import { selfTest } from './selfTest.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';

const NAMES: KnownAnswerName[] = [
  'xchacha20poly1305',
  'xchacha20poly1305-open',
  'ed25519-public-key',
  'ed25519-signature',
  'ed25519-verify',
  'x25519',
  'blake2b512',
  'blake2b256-keyed',
  'kdf',
  'argon2id',
  'sealed-box-public-key',
  'sealed-box-open',
];

describe('selfTest', () => {
  beforeAll(() => initCrypto());

  it('passes on a correct libsodium and checks every vector', () => {
    const seen: KnownAnswerName[] = [];
    selfTest();
    runSelfTest(cryptoRuntime.sodium!, (name, output) => {
      seen.push(name);
      return output;
    });
    expect(seen).toEqual(NAMES);
  });

  it.each(NAMES)('detects a one-bit error in %s', (target) => {
    const error = expectCryptoError(
      () =>
        runSelfTest(cryptoRuntime.sodium!, (name, output) => {
          if (name !== target) return output;
          const wrong = output.slice();
          wrong[wrong.length - 1]! ^= 1;
          return wrong;
        }),
      'SELF_TEST_FAILED',
    );
    expect(error.message).toContain(target);
  });

  it('refuses all-zero output (libsodium.js #235)', () => {
    expectCryptoError(
      () => runSelfTest(cryptoRuntime.sodium!, (name, output) => (name === 'argon2id' ? new Uint8Array(output.length) : output)),
      'SELF_TEST_FAILED',
    );
  });

  it('refuses a primitive that throws or returns the wrong length', () => {
    expectCryptoError(
      () =>
        runSelfTest(cryptoRuntime.sodium!, (name, output) => {
          if (name === 'x25519') throw new Error('wasm out of memory');
          return output;
        }),
      'SELF_TEST_FAILED',
    );
    expectCryptoError(
      () => runSelfTest(cryptoRuntime.sodium!, (name, output) => (name === 'kdf' ? output.subarray(0, 16) : output)),
      'SELF_TEST_FAILED',
    );
  });
});
