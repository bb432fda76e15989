import { describe, expect, it } from 'vitest';
import { isSameOrUnder } from '../../isSameOrUnder.ts';
import { MAX_TREE_DEPTH } from '../../maxTreeDepth.ts';
import { buildAccount } from '../fixtures/buildAccount.ts';
import { buildGrant } from '../fixtures/buildGrant.ts';
import { buildLink } from '../fixtures/buildLink.ts';
import { buildSnapshot } from '../fixtures/buildSnapshot.ts';
import { patternBytes } from '../fixtures/patternBytes.ts';
import { T0 } from '../fixtures/T0.ts';
import { expectSameBytes } from '../expectSameBytes.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function documentContract(h: () => StorageHarness): void {
  describe('documents', () => {
    it('creates without state, then stores state', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      expect(await documents.get('doc-1')).toEqual({
        docId: 'doc-1',
        ownerId: 'user-alice',
        parentId: null,
        state: null,
        createdAt: T0,
        updatedAt: T0,
      });
      const state = patternBytes(1 << 20, 5);
      await documents.putState('doc-1', state, T0 + 5);
      const read = await documents.get('doc-1');
      expectSameBytes(read?.state, state);
      expect({ ...read, state: null }).toEqual({ docId: 'doc-1', ownerId: 'user-alice', parentId: null, state: null, createdAt: T0, updatedAt: T0 + 5 });
      expect(await documents.get('nope')).toBeNull();
    });

    it('gives a summary without the state, for access checks', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'folder-1', ownerId: 'user-alice', createdAt: T0 });
      await documents.create({ docId: 'doc-1', ownerId: 'user-bob', parentId: 'folder-1', createdAt: T0 });
      await documents.putState('doc-1', patternBytes(4096, 7), T0 + 9);
      expect(await documents.getSummary('doc-1')).toEqual({ docId: 'doc-1', ownerId: 'user-bob', parentId: 'folder-1', createdAt: T0, updatedAt: T0 + 9 });
      expect(await documents.getSummary('nope')).toBeNull();
    });

    it('tells whether an item is a document itself or a folder above it (isSameOrUnder), ending at a parent cycle', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'root', ownerId: 'user-alice', createdAt: T0 });
      await documents.create({ docId: 'mid', ownerId: 'user-alice', parentId: 'root', createdAt: T0 });
      await documents.create({ docId: 'leaf', ownerId: 'user-alice', parentId: 'mid', createdAt: T0 });
      await documents.create({ docId: 'other', ownerId: 'user-alice', createdAt: T0 });
      expect(await isSameOrUnder(documents, 'leaf', 'root')).toBe(true);
      expect(await isSameOrUnder(documents, 'leaf', 'mid')).toBe(true);
      expect(await isSameOrUnder(documents, 'leaf', 'leaf')).toBe(true);
      expect(await isSameOrUnder(documents, 'root', 'leaf')).toBe(false);
      expect(await isSameOrUnder(documents, 'leaf', 'other')).toBe(false);
      expect(await isSameOrUnder(documents, 'nope', 'root')).toBe(false);
      // Only MAX_TREE_DEPTH levels count, the item itself being the first.
      let parent = 'root';
      for (let i = 1; i <= MAX_TREE_DEPTH; i++) {
        await documents.create({ docId: `deep-${i}`, ownerId: 'user-alice', parentId: parent, createdAt: T0 });
        parent = `deep-${i}`;
      }
      expect(await isSameOrUnder(documents, `deep-${MAX_TREE_DEPTH}`, 'deep-1')).toBe(true);
      expect(await isSameOrUnder(documents, `deep-${MAX_TREE_DEPTH}`, 'root')).toBe(false);
      await documents.setParent('root', 'leaf'); // a cycle (the web app refuses such moves; storage does not)
      expect(await isSameOrUnder(documents, 'mid', 'other')).toBe(false);
    });

    it('refuses a duplicate id and state for an unknown document', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      await expectStorageError(documents.create({ docId: 'doc-1', ownerId: 'user-bob', createdAt: T0 }), 'DUPLICATE');
      await expectStorageError(documents.putState('nope', patternBytes(4), T0), 'NOT_FOUND');
      expect((await documents.get('doc-1'))?.ownerId).toBe('user-alice');
    });

    it('journals accepted updates durably until a state that includes them is stored', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'doc-j', ownerId: 'user-alice', createdAt: T0 });
      await expectStorageError(documents.appendUpdate('nope', patternBytes(4), T0), 'NOT_FOUND');
      expect(await documents.lastJournalId('doc-j')).toBe(0);
      const a = await documents.appendUpdate('doc-j', patternBytes(8, 1), T0);
      const b = await documents.appendUpdate('doc-j', patternBytes(8, 2), T0 + 1);
      expect(b).toBeGreaterThan(a);
      expect(await documents.lastJournalId('doc-j')).toBe(b);
      const journal = await documents.readJournal('doc-j');
      expect(journal.map((e) => e.id)).toEqual([a, b]);
      expectSameBytes(journal[1]!.bytes, patternBytes(8, 2));
      // A state that includes the first entry drops it; the second stays.
      await documents.putState('doc-j', patternBytes(16, 3), T0 + 2, a);
      expect((await documents.readJournal('doc-j')).map((e) => e.id)).toEqual([b]);
      await documents.putState('doc-j', patternBytes(16, 4), T0 + 3);
      expect((await documents.readJournal('doc-j')).map((e) => e.id)).toEqual([b]);
    });

    it('journals a batch of updates of several documents in one call, skipping only entries of unknown documents', async () => {
      const { documents } = h().storage;
      expect(await documents.appendUpdates([])).toEqual([]);
      await documents.create({ docId: 'doc-a', ownerId: 'user-alice', createdAt: T0 });
      await documents.create({ docId: 'doc-b', ownerId: 'user-alice', createdAt: T0 });
      const ids = await documents.appendUpdates([
        { docId: 'doc-a', update: patternBytes(8, 1), at: T0 },
        { docId: 'doc-b', update: patternBytes(8, 2), at: T0 },
        { docId: 'gone', update: patternBytes(8, 3), at: T0 },
        { docId: 'doc-a', update: patternBytes(8, 4), at: T0 + 1 },
      ]);
      expect(ids[2]).toBeNull();
      const [a1, b1, , a2] = ids as number[];
      expect(a2).toBeGreaterThan(b1!);
      expect(b1).toBeGreaterThan(a1!);
      const journalA = await documents.readJournal('doc-a');
      expect(journalA.map((e) => e.id)).toEqual([a1, a2]);
      expectSameBytes(journalA[0]!.bytes, patternBytes(8, 1));
      expectSameBytes(journalA[1]!.bytes, patternBytes(8, 4));
      expect((await documents.readJournal('doc-b')).map((e) => e.id)).toEqual([b1]);
      expect(await documents.readJournal('gone')).toEqual([]);
    });

    it('lists by owner without state', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'd2', ownerId: 'user-alice', parentId: 'd1', createdAt: T0 + 1 });
      await documents.create({ docId: 'd1', ownerId: 'user-alice', createdAt: T0 });
      await documents.create({ docId: 'd3', ownerId: 'user-bob', createdAt: T0 });
      await documents.putState('d1', patternBytes(10), T0 + 9);
      expect(await documents.listByOwner('user-alice')).toEqual([
        { docId: 'd1', ownerId: 'user-alice', parentId: null, createdAt: T0, updatedAt: T0 + 9 },
        { docId: 'd2', ownerId: 'user-alice', parentId: 'd1', createdAt: T0 + 1, updatedAt: T0 + 1 },
      ]);
      expect(await documents.listByOwner('nobody')).toEqual([]);
    });

    it('creates under a parent and moves with setParent', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'folder-1', ownerId: 'user-alice', createdAt: T0 });
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', parentId: 'folder-1', createdAt: T0 });
      await documents.create({ docId: 'doc-2', ownerId: 'user-alice', parentId: null, createdAt: T0 });
      expect((await documents.get('doc-1'))?.parentId).toBe('folder-1');
      expect((await documents.get('doc-2'))?.parentId).toBeNull();

      expect(await documents.listIdsByParent('folder-1')).toEqual(['doc-1']);
      await documents.setParent('doc-1', 'folder-2');
      expect((await documents.get('doc-1'))?.parentId).toBe('folder-2');
      expect(await documents.listIdsByParent('folder-1')).toEqual([]);
      expect(await documents.listIdsByParent('folder-2')).toEqual(['doc-1']);
      await documents.setParent('doc-2', 'folder-1');
      expect((await documents.get('doc-2'))?.parentId).toBe('folder-1');
      await documents.setParent('doc-2', null);
      expect((await documents.get('doc-2'))?.parentId).toBeNull();
      expect((await documents.get('folder-1'))?.parentId).toBeNull();

      await expectStorageError(documents.setParent('nope', 'folder-1'), 'NOT_FOUND');
      expect(await documents.get('nope')).toBeNull();
    });

    it('leaves children their parent id when the parent is deleted', async () => {
      const { documents } = h().storage;
      await documents.create({ docId: 'folder-1', ownerId: 'user-alice', createdAt: T0 });
      await documents.create({ docId: 'doc-1', ownerId: 'user-alice', parentId: 'folder-1', createdAt: T0 });
      expect(await documents.delete('folder-1')).toBe(true);
      expect((await documents.get('doc-1'))?.parentId).toBe('folder-1');
    });

    it('deletes the document with its snapshots and access rows, idempotently', async () => {
      const s = h().storage;
      await s.accounts.create(buildAccount());
      await s.accounts.create(buildAccount({ userId: 'user-bob' }));
      await s.documents.create({ docId: 'doc-1', ownerId: 'user-alice', createdAt: T0 });
      await s.documents.create({ docId: 'doc-2', ownerId: 'user-alice', createdAt: T0 });
      await s.snapshots.commit(buildSnapshot(), null);
      await s.members.set('doc-1', 'user-bob', 'viewer', T0);
      await s.members.set('doc-2', 'user-bob', 'viewer', T0);
      await s.grants.put(buildGrant());
      await s.links.put(buildLink());

      expect(await s.documents.delete('doc-1')).toBe(true);
      expect(await s.documents.get('doc-1')).toBeNull();
      expect(await s.snapshots.current('doc-1')).toBeNull();
      expect(await s.snapshots.list('doc-1')).toEqual([]);
      expect(await s.members.list('doc-1')).toEqual([]);
      expect(await s.grants.listForItem('doc-1')).toEqual([]);
      expect(await s.links.listForItem('doc-1')).toEqual([]);
      expect(await s.members.get('doc-2', 'user-bob')).toBe('viewer');
      expect(await s.documents.delete('doc-1')).toBe(false);
    });
  });
}
