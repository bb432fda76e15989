import { describe, expect, it } from 'vitest';
import type { StorageTransaction } from '../../interfaces/StorageTransaction.ts';
import { buildAccount } from '../fixtures/buildAccount.ts';
import { patternBytes } from '../fixtures/patternBytes.ts';
import { T0 } from '../fixtures/T0.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

class Boom extends Error {}

function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export function transactionContract(h: () => StorageHarness): void {
  describe('transactions', () => {
    it('commits and returns the callback value', async () => {
      const s = h().storage;
      const value = await s.transaction(async (tx) => {
        await tx.accounts.create(buildAccount());
        await tx.documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
        expect(await tx.accounts.count()).toBe(1); // sees its own writes
        return 42;
      });
      expect(value).toBe(42);
      expect(await s.accounts.count()).toBe(1);
      expect(await s.documents.get('doc-1')).not.toBeNull();
    });

    it('rolls back every store when the callback throws, and rethrows the same error', async () => {
      const s = h().storage;
      await s.accounts.create(buildAccount({ userId: 'user-bob' }));
      const boom = new Boom('boom');
      await expect(
        s.transaction(async (tx) => {
          await tx.accounts.create(buildAccount());
          await tx.documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
          await tx.quota.charge('user-bob', 10, 100);
          await tx.members.set('doc-1', 'user-bob', 'viewer', T0);
          await tx.settings.put('k', patternBytes(4));
          await tx.ephemeral.put('ns', 'k', patternBytes(4), T0 + 10);
          await tx.rateLimits.consume('b', { limit: 1, windowMs: 10, now: T0 });
          await tx.accounts.delete('user-bob');
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await s.accounts.count()).toBe(1);
      expect(await s.accounts.getById('user-bob')).not.toBeNull();
      expect(await s.documents.get('doc-1')).toBeNull();
      expect(await s.quota.usage('user-bob')).toEqual({ used: 0, limit: null });
      expect(await s.members.get('doc-1', 'user-bob')).toBeNull();
      expect(await s.settings.get('k')).toBeNull();
      expect(await s.ephemeral.take('ns', 'k', T0)).toBeNull();
      expect((await s.rateLimits.consume('b', { limit: 1, windowMs: 10, now: T0 })).allowed).toBe(true);
    });

    it('keeps going after a caught store error, and commits', async () => {
      const s = h().storage;
      await s.transaction(async (tx) => {
        await tx.accounts.create(buildAccount());
        await expectStorageError(tx.accounts.create(buildAccount()), 'DUPLICATE');
        await tx.accounts.create(buildAccount({ userId: 'user-bob' }));
      });
      expect(await s.accounts.count()).toBe(2);
    });

    it('never exposes, or swallows, writes across a concurrent rollback', async () => {
      const s = h().storage;
      const inside = gate();
      const proceed = gate();
      const tx = s.transaction(async (t) => {
        await t.accounts.create(buildAccount());
        inside.open();
        await proceed.opened;
        throw new Boom('late failure');
      });
      await inside.opened;
      const outsideRead = s.accounts.getById('user-alice');
      const outsideWrite = s.accounts.create(buildAccount({ userId: 'user-bob' }));
      proceed.open();
      await expect(tx).rejects.toBeInstanceOf(Boom);
      expect(await outsideRead).toBeNull();
      await outsideWrite;
      expect(await s.accounts.getById('user-bob')).not.toBeNull();
      expect(await s.accounts.getById('user-alice')).toBeNull();
    });

    it('serialises concurrent read-modify-write transactions', async () => {
      const s = h().storage;
      const increment = () =>
        s.transaction(async (tx) => {
          const current = (await tx.settings.get('counter'))?.[0] ?? 0;
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.settings.put('counter', Uint8Array.of(current + 1));
        });
      await Promise.all([increment(), increment(), increment()]);
      expect(await s.settings.get('counter')).toEqual(Uint8Array.of(3));
    });

    it('runs root-store calls made inside the callback in the transaction', async () => {
      const s = h().storage;
      await expect(
        s.transaction(async () => {
          await s.accounts.create(buildAccount());
          expect(await s.accounts.count()).toBe(1);
          throw new Boom();
        }),
      ).rejects.toBeInstanceOf(Boom);
      expect(await s.accounts.count()).toBe(0);
    });

    it('turns a nested transaction into a savepoint', async () => {
      const s = h().storage;
      await s.transaction(async (tx) => {
        await tx.accounts.create(buildAccount());
        await expect(
          s.transaction(async (inner) => {
            await inner.accounts.create(buildAccount({ userId: 'user-bob' }));
            throw new Boom();
          }),
        ).rejects.toBeInstanceOf(Boom);
        await s.transaction(async (inner) => inner.accounts.create(buildAccount({ userId: 'user-carol' })));
      });
      expect(await s.accounts.getById('user-alice')).not.toBeNull();
      expect(await s.accounts.getById('user-bob')).toBeNull();
      expect(await s.accounts.getById('user-carol')).not.toBeNull();

      await expect(
        s.transaction(async () => {
          await s.transaction(async (inner) => inner.accounts.create(buildAccount({ userId: 'user-dave' })));
          throw new Boom();
        }),
      ).rejects.toBeInstanceOf(Boom);
      expect(await s.accounts.getById('user-dave')).toBeNull();
    });

    it('refuses a transaction handle used after the transaction ended', async () => {
      const s = h().storage;
      let leaked: StorageTransaction | undefined;
      await s.transaction(async (tx) => {
        leaked = tx;
      });
      await expectStorageError(leaked!.accounts.count(), 'CLOSED');
    });
  });
}
