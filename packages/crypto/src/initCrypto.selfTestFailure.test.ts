import { expect, it, vi } from 'vitest';
import { CryptoError } from './CryptoError.ts';

it('refuses to initialise, now and later, when the self-test fails', async () => {
  vi.doMock('./runSelfTest.ts', () => ({
    runSelfTest: () => {
      throw new CryptoError('SELF_TEST_FAILED', 'injected');
    },
  }));
  const { initCrypto } = await import('./initCrypto.ts');
  const { randomBytes } = await import('./randomBytes.ts');
  await expect(initCrypto()).rejects.toMatchObject({ code: 'SELF_TEST_FAILED' });
  await expect(initCrypto()).rejects.toMatchObject({ code: 'SELF_TEST_FAILED' });
  expect(() => randomBytes(8)).toThrow(expect.objectContaining({ code: 'NOT_INITIALISED' }));
  vi.doUnmock('./runSelfTest.ts');
});
