import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TREE_DEPTH } from '../../maxTreeDepth.ts';
import { buildAccount } from '../fixtures/buildAccount.ts';
import { buildGrant } from '../fixtures/buildGrant.ts';
import { buildLink } from '../fixtures/buildLink.ts';
import { T0 } from '../fixtures/T0.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

/** Memberships, grants and links: who may reach which item. */
export function accessContract(h: () => StorageHarness): void {
  describe('access', () => {
    beforeEach(async () => {
      const { accounts } = h().storage;
      await accounts.create(buildAccount());
      await accounts.create(buildAccount({ userId: 'user-bob' }));
    });

    describe('members', () => {
      it('sets, changes, reads, lists and removes roles', async () => {
        const { members } = h().storage;
        expect(await members.get('doc-1', 'user-bob')).toBeNull();
        await members.set('doc-1', 'user-bob', 'viewer', T0);
        await members.set('doc-1', 'user-alice', 'admin', T0);
        await members.set('doc-2', 'user-bob', 'editor', T0);
        await members.set('doc-1', 'user-bob', 'editor', T0 + 1);
        expect(await members.get('doc-1', 'user-bob')).toBe('editor');
        expect(await members.list('doc-1')).toEqual([
          { itemId: 'doc-1', userId: 'user-alice', role: 'admin', updatedAt: T0 },
          { itemId: 'doc-1', userId: 'user-bob', role: 'editor', updatedAt: T0 + 1 },
        ]);
        expect((await members.listForUser('user-bob')).map((m) => [m.itemId, m.role])).toEqual([
          ['doc-1', 'editor'],
          ['doc-2', 'editor'],
        ]);
        expect(await members.remove('doc-1', 'user-bob')).toBe(true);
        expect(await members.remove('doc-1', 'user-bob')).toBe(false);
        expect(await members.get('doc-1', 'user-bob')).toBeNull();
      });

      it('refuses an unknown account', async () => {
        await expectStorageError(h().storage.members.set('doc-1', 'nobody', 'viewer', T0), 'NOT_FOUND');
      });
    });

    describe('effective role', () => {
      /** Creates each document under the next one: the first is the leaf, the last the root. */
      const createChain = async (docIds: string[], ownerId = 'user-carol'): Promise<void> => {
        const { documents } = h().storage;
        for (const [i, docId] of docIds.entries()) {
          await documents.create({ docId, ownerId, parentId: docIds[i + 1] ?? null, createdAt: T0 });
        }
      };

      it('makes the owner of the item or any ancestor an admin', async () => {
        const { documents, members } = h().storage;
        await createChain(['leaf', 'mid']);
        await documents.create({ docId: 'root', ownerId: 'user-alice', createdAt: T0 });
        await documents.setParent('mid', 'root');
        await members.set('leaf', 'user-alice', 'viewer', T0);
        expect(await members.effectiveRole('leaf', 'user-alice')).toBe('admin');
        expect(await members.effectiveRole('root', 'user-alice')).toBe('admin');
        expect(await members.effectiveRole('leaf', 'user-carol')).toBe('admin');
        expect(await members.effectiveRole('root', 'user-carol')).toBeNull();
      });

      it('inherits a membership from a grandparent, but not from a child or a sibling', async () => {
        const { documents, members } = h().storage;
        await createChain(['leaf', 'mid', 'root']);
        await documents.create({ docId: 'sibling', ownerId: 'user-carol', parentId: 'mid', createdAt: T0 });
        await members.set('root', 'user-bob', 'viewer', T0);
        await members.set('sibling', 'user-alice', 'editor', T0);
        await members.set('leaf', 'user-alice', 'viewer', T0);
        expect(await members.effectiveRole('leaf', 'user-bob')).toBe('viewer');
        expect(await members.effectiveRole('mid', 'user-bob')).toBe('viewer');
        expect(await members.effectiveRole('leaf', 'user-alice')).toBe('viewer');
        expect(await members.effectiveRole('mid', 'user-alice')).toBeNull();
        expect(await members.effectiveRole('root', 'user-alice')).toBeNull();
      });

      it('takes the highest role on the chain, wherever it is', async () => {
        const { members } = h().storage;
        await createChain(['leaf', 'mid', 'root']);
        await members.set('leaf', 'user-bob', 'viewer', T0);
        await members.set('mid', 'user-bob', 'editor', T0);
        await members.set('leaf', 'user-alice', 'admin', T0);
        await members.set('root', 'user-alice', 'viewer', T0);
        expect(await members.effectiveRole('leaf', 'user-bob')).toBe('editor');
        expect(await members.effectiveRole('leaf', 'user-alice')).toBe('admin');
        await members.set('root', 'user-bob', 'admin', T0);
        expect(await members.effectiveRole('leaf', 'user-bob')).toBe('admin');
      });

      it('is null for an unrelated user or an unknown item', async () => {
        const { members } = h().storage;
        await createChain(['leaf', 'root']);
        await members.set('root', 'user-bob', 'editor', T0);
        expect(await members.effectiveRole('leaf', 'user-alice')).toBeNull();
        expect(await members.effectiveRole('nope', 'user-bob')).toBeNull();
      });

      it('counts only its own memberships for an item that is not a document', async () => {
        const { members } = h().storage;
        await members.set('item-1', 'user-bob', 'editor', T0);
        await members.set('item-2', 'user-alice', 'admin', T0);
        expect(await members.effectiveRole('item-1', 'user-bob')).toBe('editor');
        expect(await members.effectiveRole('item-1', 'user-alice')).toBeNull();
      });

      it('follows a parent that no longer exists no further', async () => {
        const { documents, members } = h().storage;
        await createChain(['leaf', 'gone', 'root']);
        await members.set('root', 'user-bob', 'editor', T0);
        await documents.delete('gone');
        expect(await members.effectiveRole('leaf', 'user-bob')).toBeNull();
      });

      it('terminates on a parent cycle', async () => {
        const { documents, members } = h().storage;
        await createChain(['a', 'b']);
        await documents.setParent('b', 'a');
        await documents.create({ docId: 'self', ownerId: 'user-carol', parentId: 'self', createdAt: T0 });
        await members.set('b', 'user-bob', 'editor', T0);
        expect(await members.effectiveRole('a', 'user-bob')).toBe('editor');
        expect(await members.effectiveRole('a', 'user-alice')).toBeNull();
        expect(await members.effectiveRole('self', 'user-alice')).toBeNull();
        expect(await members.effectiveRole('self', 'user-carol')).toBe('admin');
      });

      it(`looks at ${MAX_TREE_DEPTH} levels and no further`, async () => {
        const s = h().storage;
        // levels[0] is the item; levels[MAX_TREE_DEPTH] is one level too far.
        const levels = Array.from({ length: MAX_TREE_DEPTH + 1 }, (_, i) => `level-${i}`);
        await s.transaction(async () => createChain(levels));
        await s.documents.create({ docId: 'far-root', ownerId: 'user-alice', createdAt: T0 });
        await s.documents.setParent(levels[MAX_TREE_DEPTH]!, 'far-root');
        await s.members.set(levels[MAX_TREE_DEPTH - 1]!, 'user-bob', 'viewer', T0);
        await s.members.set(levels[MAX_TREE_DEPTH]!, 'user-bob', 'admin', T0);
        expect(await s.members.effectiveRole(levels[0]!, 'user-bob')).toBe('viewer');
        expect(await s.members.effectiveRole(levels[1]!, 'user-bob')).toBe('admin');
        expect(await s.members.effectiveRole(levels[0]!, 'user-alice')).toBeNull();
        expect(await s.members.effectiveRole(levels[2]!, 'user-alice')).toBe('admin');
      });
    });

    describe('grants', () => {
      it('puts, lists by recipient and item, deletes', async () => {
        const { grants } = h().storage;
        const g1 = buildGrant({ grantId: 'g1' });
        const g2 = buildGrant({ grantId: 'g2', itemId: 'doc-2', createdAt: T0 + 1 });
        const g3 = buildGrant({ grantId: 'g3', recipientUserId: 'user-alice', senderUserId: 'user-bob' });
        for (const g of [g1, g2, g3]) await grants.put(g);
        expect(await grants.listForRecipient('user-bob')).toEqual([g1, g2]);
        expect(await grants.listForItem('doc-1')).toEqual([g1, g3]);
        expect(await grants.listForSender('user-alice')).toEqual([g1, g2]);
        expect(await grants.listForSender('user-bob')).toEqual([g3]);
        expect(await grants.delete('g1')).toBe(true);
        expect(await grants.delete('g1')).toBe(false);
        expect(await grants.listForRecipient('user-bob')).toEqual([g2]);
      });

      it('refuses a duplicate id and an unknown recipient', async () => {
        const { grants } = h().storage;
        await grants.put(buildGrant());
        await expectStorageError(grants.put(buildGrant({ itemId: 'doc-9' })), 'DUPLICATE');
        await expectStorageError(grants.put(buildGrant({ grantId: 'g9', recipientUserId: 'nobody' })), 'NOT_FOUND');
        expect(await grants.listForItem('doc-9')).toEqual([]);
      });
    });

    describe('links', () => {
      it('puts, gets until expiry, lists and deletes', async () => {
        const { links } = h().storage;
        const forever = buildLink({ linkId: 'l1' });
        const brief = buildLink({ linkId: 'l2', role: 'editor', expiresAt: T0 + 100, createdAt: T0 + 1 });
        const other = buildLink({ linkId: 'l3', itemId: 'doc-2', creatorUserId: 'user-bob' });
        for (const l of [forever, brief, other]) await links.put(l);
        expect(await links.get('l1', T0 + 10 ** 12)).toEqual(forever);
        expect(await links.get('l2', T0 + 99)).toEqual(brief);
        expect(await links.get('l2', T0 + 100)).toBeNull();
        expect(await links.get('nope', T0)).toBeNull();
        expect(await links.listForItem('doc-1')).toEqual([forever, brief]);
        expect(await links.listForCreator('user-bob')).toEqual([other]);
        expect(await links.delete('l1')).toBe(true);
        expect(await links.delete('l1')).toBe(false);
        expect(await links.get('l1', T0)).toBeNull();
      });

      it('replaces a payload and nothing else, and refuses an unknown link', async () => {
        const { links } = h().storage;
        const link = buildLink({ linkId: 'l1', role: 'editor', expiresAt: T0 + 100 });
        await links.put(link);
        const payload = new Uint8Array([9, 8, 7]);
        await links.setPayload('l1', payload);
        expect(await links.get('l1', T0)).toEqual({ ...link, payload });
        await expectStorageError(links.setPayload('nope', payload), 'NOT_FOUND');
      });

      it('refuses a duplicate id and an unknown creator', async () => {
        const { links } = h().storage;
        await links.put(buildLink());
        await expectStorageError(links.put(buildLink({ role: 'editor' })), 'DUPLICATE');
        await expectStorageError(links.put(buildLink({ linkId: 'l9', creatorUserId: 'nobody' })), 'NOT_FOUND');
        expect((await links.get('link-1', T0))?.role).toBe('viewer');
      });
    });
  });
}
