import { describe, expect, it } from 'vitest';
import { patternBytes } from '../fixtures/patternBytes.ts';
import { T0 } from '../fixtures/T0.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function ephemeralContract(h: () => StorageHarness): void {
  describe('ephemeral', () => {
    it('returns a value once', async () => {
      const { ephemeral } = h().storage;
      const value = patternBytes(40, 3);
      await ephemeral.put('login', 'k1', value, T0 + 1000);
      expect(await ephemeral.take('login', 'k1', T0)).toEqual(value);
      expect(await ephemeral.take('login', 'k1', T0)).toBeNull();
      expect(await ephemeral.take('login', 'missing', T0)).toBeNull();
    });

    it('does not return an expired value, and removes it', async () => {
      const { ephemeral } = h().storage;
      await ephemeral.put('login', 'k1', patternBytes(8), T0 + 1000);
      expect(await ephemeral.take('login', 'k1', T0 + 1000)).toBeNull();
      expect(await ephemeral.take('login', 'k1', T0)).toBeNull();
    });

    it('overwrites, keeps namespaces apart and purges', async () => {
      const { ephemeral } = h().storage;
      await ephemeral.put('login', 'k', patternBytes(8, 1), T0 + 10);
      await ephemeral.put('login', 'k', patternBytes(8, 2), T0 + 20);
      await ephemeral.put('recovery', 'k', patternBytes(8, 3), T0 + 10);
      await ephemeral.put('recovery', 'old', patternBytes(8, 4), T0 + 5);
      expect(await ephemeral.purge(T0 + 10)).toBe(2);
      expect(await ephemeral.take('login', 'k', T0 + 15)).toEqual(patternBytes(8, 2));
      expect(await ephemeral.take('recovery', 'k', T0)).toBeNull();
    });

    it('hands a value to exactly one of several concurrent takers', async () => {
      const { ephemeral } = h().storage;
      await ephemeral.put('login', 'k', patternBytes(8), T0 + 10);
      const results = await Promise.all(Array.from({ length: 5 }, () => ephemeral.take('login', 'k', T0)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });
  });
}
