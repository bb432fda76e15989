import { describe, expect, it } from 'vitest';
import { StorageError } from '../../StorageError.ts';
import { buildSnapshot } from '../fixtures/buildSnapshot.ts';
import { T0 } from '../fixtures/T0.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function snapshotContract(h: () => StorageHarness): void {
  describe('snapshots', () => {
    const s1 = buildSnapshot({ snapshotId: 's1' });
    const s2 = buildSnapshot({ snapshotId: 's2', parentSnapshotId: 's1', createdAt: T0 + 1 });
    // An earlier clock than s2 must not reorder the chain.
    const s3 = buildSnapshot({ snapshotId: 's3', parentSnapshotId: 's2', createdAt: T0 - 5, size: 99 });

    it('commits a chain and reads current, one, and all newest first', async () => {
      const { documents, snapshots } = h().storage;
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      expect(await snapshots.current('doc-1')).toBeNull();
      expect(await snapshots.list('doc-1')).toEqual([]);
      await snapshots.commit(s1, null);
      await snapshots.commit(s2, 's1');
      await snapshots.commit(s3, 's2');
      expect(await snapshots.current('doc-1')).toEqual(s3);
      expect(await snapshots.get('doc-1', 's1')).toEqual(s1);
      expect(await snapshots.get('doc-1', 'nope')).toBeNull();
      expect(await snapshots.get('doc-2', 's1')).toBeNull();
      expect(await snapshots.list('doc-1')).toEqual([s3, s2, s1]);
    });

    it('refuses a stale parent with CONFLICT and changes nothing', async () => {
      const { documents, snapshots } = h().storage;
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      await snapshots.commit(s1, null);
      await snapshots.commit(s2, 's1');
      await expectStorageError(snapshots.commit(buildSnapshot({ snapshotId: 'fork' }), null), 'CONFLICT');
      await expectStorageError(snapshots.commit(buildSnapshot({ snapshotId: 'fork', parentSnapshotId: 's1' }), 's1'), 'CONFLICT');
      expect(await snapshots.current('doc-1')).toEqual(s2);
      expect(await snapshots.list('doc-1')).toEqual([s2, s1]);
      expect(await snapshots.get('doc-1', 'fork')).toBeNull();
    });

    it('lets exactly one of two racing commits win', async () => {
      const { documents, snapshots } = h().storage;
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      const results = await Promise.allSettled([
        snapshots.commit(buildSnapshot({ snapshotId: 'a' }), null),
        snapshots.commit(buildSnapshot({ snapshotId: 'b' }), null),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason instanceof StorageError && rejected.reason.code).toBe('CONFLICT');
      expect(await snapshots.list('doc-1')).toHaveLength(1);
    });

    it('refuses an unknown document, a reused id and a parent mismatch', async () => {
      const { documents, snapshots } = h().storage;
      await expectStorageError(snapshots.commit(s1, null), 'NOT_FOUND');
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      await snapshots.commit(s1, null);
      await snapshots.commit(s2, 's1');
      await expectStorageError(snapshots.commit({ ...s1, parentSnapshotId: 's2' }, 's2'), 'DUPLICATE');
      await expect(snapshots.commit(s3, 's1')).rejects.toBeInstanceOf(RangeError);
      expect(await snapshots.current('doc-1')).toEqual(s2);
    });
  });
}
