import { describe, expect, it } from 'vitest';
import { collectBytes } from '../collectBytes.ts';
import { expectSameBytes } from '../expectSameBytes.ts';
import { expectStorageError } from '../expectStorageError.ts';
import { buildAccount } from '../fixtures/buildAccount.ts';
import { buildSnapshot } from '../fixtures/buildSnapshot.ts';
import { patternBytes } from '../fixtures/patternBytes.ts';
import { T0 } from '../fixtures/T0.ts';
import type { StorageHarness } from '../StorageHarness.ts';

/** Close, and (when the adapter persists) survival across close and reopen. */
export function lifecycleContract(h: () => StorageHarness): void {
  describe('lifecycle', () => {
    it('refuses calls after close, and closes idempotently', async () => {
      const s = h().storage;
      await s.close();
      await s.close();
      await expectStorageError(s.accounts.count(), 'CLOSED');
      await expectStorageError(s.settings.get('k'), 'CLOSED');
      await expectStorageError(s.transaction(async () => undefined), 'CLOSED');
      await expectStorageError(s.blobs.stat('k'), 'CLOSED');
    });

    it('lets close wait for a running transaction', async () => {
      const s = h().storage;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const tx = s.transaction(async (t) => {
        await held;
        await t.accounts.create(buildAccount());
      });
      const closed = s.close();
      release();
      await tx;
      await closed;
      await expectStorageError(s.accounts.count(), 'CLOSED');
    });

    it('keeps everything acknowledged across close and reopen', async (ctx) => {
      const harness = h();
      if (!harness.reopen) return ctx.skip();
      const s = harness.storage;
      await s.accounts.create(buildAccount());
      await s.documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      await s.documents.putState('doc-1', patternBytes(5000, 6), T0 + 1);
      await s.snapshots.commit(buildSnapshot(), null);
      await s.settings.put('k', patternBytes(3));
      await s.quota.charge('user-alice', 77, 1000);
      await s.blobs.put('blob-1', patternBytes(100_000, 9));
      await s.transaction(async (tx) => tx.members.set('doc-1', 'user-alice', 'admin', T0));
      await s
        .transaction(async (tx) => {
          await tx.settings.put('rolled-back', patternBytes(1));
          throw new Error('abandon');
        })
        .catch(() => undefined);

      const r = await harness.reopen();
      expect(await r.accounts.getById('user-alice')).toEqual(buildAccount());
      expect((await r.documents.get('doc-1'))?.state).toEqual(patternBytes(5000, 6));
      expect(await r.snapshots.current('doc-1')).toEqual(buildSnapshot());
      expect(await r.settings.get('k')).toEqual(patternBytes(3));
      expect(await r.settings.get('rolled-back')).toBeNull();
      expect((await r.quota.usage('user-alice')).used).toBe(77);
      expect(await r.members.get('doc-1', 'user-alice')).toBe('admin');
      expectSameBytes(await collectBytes(await r.blobs.get('blob-1')), patternBytes(100_000, 9));
    });
  });
}
