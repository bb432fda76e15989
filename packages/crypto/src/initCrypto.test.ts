import { describe, expect, it } from 'vitest';
import * as api from './index.ts';
import { CryptoError } from './CryptoError.ts';

// Runs in its own module graph (vitest isolates files), so nothing is initialised yet.
describe('initCrypto', () => {
  const callable = Object.entries(api).filter(
    ([name, value]) => typeof value === 'function' && !['initCrypto', 'CryptoError'].includes(name),
  ) as [string, (...args: unknown[]) => unknown][];

  it('makes every other function throw NOT_INITIALISED before it resolves', async () => {
    expect(callable.length).toBeGreaterThan(50);
    const dummy = new Uint8Array(32);
    const wrong: string[] = [];
    for (const [name, fn] of callable) {
      let thrown: unknown;
      try {
        const result = fn(dummy, dummy, dummy, dummy, dummy);
        if (result && typeof (result as AsyncIterator<unknown>).next === 'function') {
          await (result as AsyncIterator<unknown>).next();
        }
      } catch (error) {
        thrown = error;
      }
      if (!(thrown instanceof CryptoError) || thrown.code !== 'NOT_INITIALISED') wrong.push(name);
    }
    expect(wrong).toEqual([]);
  });

  it('is memoised and makes the API usable', async () => {
    const first = api.initCrypto();
    expect(api.initCrypto()).toBe(first);
    await first;
    expect(api.randomBytes(8)).toHaveLength(8);
    expect(() => api.selfTest()).not.toThrow();
  });
});
