import { expect } from 'vitest';
import { CryptoError, type CryptoErrorCode } from '../CryptoError.ts';

/** Async twin of expectCryptoError. */
export async function expectCryptoErrorAsync(run: () => Promise<unknown>, code: CryptoErrorCode): Promise<CryptoError> {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a CryptoError to be thrown').toBeInstanceOf(CryptoError);
  expect((thrown as CryptoError).code).toBe(code);
  return thrown as CryptoError;
}
