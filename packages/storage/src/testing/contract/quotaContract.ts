import { beforeEach, describe, expect, it } from 'vitest';
import { buildAccount } from '../fixtures/buildAccount.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function quotaContract(h: () => StorageHarness): void {
  describe('quota', () => {
    beforeEach(async () => {
      await h().storage.accounts.create(buildAccount());
    });

    it('charges up to the default limit exactly, then refuses and changes nothing', async () => {
      const { quota } = h().storage;
      expect(await quota.usage('user-alice')).toEqual({ used: 0, limit: null });
      expect(await quota.charge('user-alice', 600, 1000)).toEqual({ used: 600, limit: null });
      expect(await quota.charge('user-alice', 400, 1000)).toEqual({ used: 1000, limit: null });
      await expectStorageError(quota.charge('user-alice', 1, 1000), 'QUOTA_EXCEEDED');
      expect(await quota.usage('user-alice')).toEqual({ used: 1000, limit: null });
    });

    it('refuses a first charge over the limit without leaving a row', async () => {
      const { quota } = h().storage;
      await expectStorageError(quota.charge('user-alice', 1001, 1000), 'QUOTA_EXCEEDED');
      expect(await quota.usage('user-alice')).toEqual({ used: 0, limit: null });
    });

    it("uses the account's own limit over the default, until reset to null", async () => {
      const { quota } = h().storage;
      await quota.setLimit('user-alice', 5000);
      expect(await quota.charge('user-alice', 3000, 1000)).toEqual({ used: 3000, limit: 5000 });
      await quota.setLimit('user-alice', 100);
      await expectStorageError(quota.charge('user-alice', 1, 10_000), 'QUOTA_EXCEEDED');
      await quota.setLimit('user-alice', null);
      expect(await quota.charge('user-alice', 1, 10_000)).toEqual({ used: 3001, limit: null });
    });

    it('releases, never below zero', async () => {
      const { quota } = h().storage;
      await quota.charge('user-alice', 300, 1000);
      expect(await quota.release('user-alice', 100)).toEqual({ used: 200, limit: null });
      expect(await quota.release('user-alice', 500)).toEqual({ used: 0, limit: null });
      expect(await quota.release('nobody', 5)).toEqual({ used: 0, limit: null });
    });

    it('stays exact under concurrent charges', async () => {
      const { quota } = h().storage;
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => quota.charge('user-alice', 15, 100)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
      expect((await quota.usage('user-alice')).used).toBe(90);
    });

    it('refuses unknown accounts and bad byte counts', async () => {
      const { quota } = h().storage;
      await expectStorageError(quota.charge('nobody', 1, 1000), 'NOT_FOUND');
      await expectStorageError(quota.setLimit('nobody', 1), 'NOT_FOUND');
      await expect(quota.charge('user-alice', -1, 1000)).rejects.toBeInstanceOf(RangeError);
      await expect(quota.charge('user-alice', 1.5, 1000)).rejects.toBeInstanceOf(RangeError);
    });
  });
}
