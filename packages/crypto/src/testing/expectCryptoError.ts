import { expect } from 'vitest';
import { CryptoError, type CryptoErrorCode } from '../CryptoError.ts';

/** Asserts `run` throws a CryptoError whose code is `code` (or one of `code`). Returns the error. */
export function expectCryptoError(run: () => unknown, code: CryptoErrorCode | readonly CryptoErrorCode[]): CryptoError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  const allowed: readonly CryptoErrorCode[] = typeof code === 'string' ? [code] : code;
  // fast path: tamper suites call this thousands of times
  if (thrown instanceof CryptoError && allowed.includes(thrown.code)) return thrown;
  expect(thrown, 'expected a CryptoError to be thrown').toBeInstanceOf(CryptoError);
  const error = thrown as CryptoError;
  expect(allowed, `unexpected code ${error.code}`).toContain(error.code);
  return error;
}
