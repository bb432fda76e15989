import { describe, expect, it } from 'vitest';
import { patternBytes } from '../fixtures/patternBytes.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function settingsContract(h: () => StorageHarness): void {
  describe('settings', () => {
    it('gets null, then what was put, then the replacement', async () => {
      const { settings } = h().storage;
      expect(await settings.get('server-key')).toBeNull();
      await settings.put('server-key', patternBytes(32, 1));
      expect(await settings.get('server-key')).toEqual(patternBytes(32, 1));
      await settings.put('server-key', new Uint8Array(0));
      expect(await settings.get('server-key')).toEqual(new Uint8Array(0));
    });
  });
}
