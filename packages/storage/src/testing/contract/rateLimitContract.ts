import { describe, expect, it } from 'vitest';
import { T0 } from '../fixtures/T0.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function rateLimitContract(h: () => StorageHarness): void {
  describe('rate limits', () => {
    const rule = (now: number) => ({ limit: 3, windowMs: 1000, now });

    it('allows `limit` requests per window, then says when to retry', async () => {
      const { rateLimits } = h().storage;
      expect(await rateLimits.consume('ip:1', rule(T0))).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
      expect(await rateLimits.consume('ip:1', rule(T0 + 100))).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
      expect(await rateLimits.consume('ip:1', rule(T0 + 200))).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
      expect(await rateLimits.consume('ip:1', rule(T0 + 300))).toEqual({ allowed: false, remaining: 0, retryAfterMs: 700 });
      // Refused requests do not extend the window.
      expect(await rateLimits.consume('ip:1', rule(T0 + 999))).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
      expect(await rateLimits.consume('ip:1', rule(T0 + 1000))).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    });

    it('keeps buckets apart, resets and purges', async () => {
      const { rateLimits } = h().storage;
      for (let i = 0; i < 3; i++) await rateLimits.consume('a', rule(T0));
      expect((await rateLimits.consume('a', rule(T0))).allowed).toBe(false);
      expect((await rateLimits.consume('b', rule(T0))).allowed).toBe(true);
      await rateLimits.reset('a');
      expect(await rateLimits.consume('a', rule(T0 + 1))).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
      expect(await rateLimits.purge(T0 + 1000)).toBe(1); // b's window ended; a's runs to T0 + 1001
      expect(await rateLimits.purge(T0 + 1001)).toBe(1);
    });

    it('is atomic under concurrent requests', async () => {
      const { rateLimits } = h().storage;
      const decisions = await Promise.all(
        Array.from({ length: 10 }, () => rateLimits.consume('burst', { limit: 4, windowMs: 1000, now: T0 })),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(4);
    });
  });
}
