import { describe, expect, it } from 'vitest';
import { buildAccount } from '../fixtures/buildAccount.ts';
import { buildGrant } from '../fixtures/buildGrant.ts';
import { buildLink } from '../fixtures/buildLink.ts';
import { buildSession } from '../fixtures/buildSession.ts';
import { patternBytes } from '../fixtures/patternBytes.ts';
import { T0 } from '../fixtures/T0.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function accountContract(h: () => StorageHarness): void {
  describe('accounts', () => {
    it('creates and reads back by id and by username', async () => {
      const { accounts } = h().storage;
      const alice = buildAccount();
      await accounts.create(alice);
      expect(await accounts.getById(alice.userId)).toEqual(alice);
      expect(await accounts.getByUsername(alice.username)).toEqual(alice);
      expect(await accounts.getById('nobody')).toBeNull();
      expect(await accounts.getByUsername('nobody')).toBeNull();
    });

    it('keeps its own copy of the bytes', async () => {
      const { accounts } = h().storage;
      const alice = buildAccount();
      const original = alice.opaqueRecord.slice();
      await accounts.create(alice);
      alice.opaqueRecord.fill(0);
      const read = await accounts.getById(alice.userId);
      expect(read?.opaqueRecord).toEqual(original);
      read?.opaqueRecord.fill(0);
      expect((await accounts.getById(alice.userId))?.opaqueRecord).toEqual(original);
    });

    it('refuses a duplicate id or username and counts accounts', async () => {
      const { accounts } = h().storage;
      await accounts.create(buildAccount());
      await expectStorageError(accounts.create(buildAccount({ username: 'other' })), 'DUPLICATE');
      await expectStorageError(accounts.create(buildAccount({ userId: 'user-2', username: 'user-alice-name' })), 'DUPLICATE');
      expect(await accounts.count()).toBe(1);
      await accounts.create(buildAccount({ userId: 'user-bob' }));
      expect(await accounts.count()).toBe(2);
    });

    it('updates credentials, keeping the recovery wrap unless given', async () => {
      const { accounts } = h().storage;
      const alice = buildAccount();
      await accounts.create(alice);
      const opaqueRecord = patternBytes(64, 900);
      const passwordWrappedMasterKey = patternBytes(72, 901);
      await accounts.updateCredentials(alice.userId, { opaqueRecord, passwordWrappedMasterKey, updatedAt: T0 + 1 });
      expect(await accounts.getById(alice.userId)).toEqual({ ...alice, opaqueRecord, passwordWrappedMasterKey, updatedAt: T0 + 1 });

      const recoveryWrappedMasterKey = patternBytes(72, 902);
      const recoveryVerifyKey = patternBytes(32, 903);
      await accounts.updateCredentials(alice.userId, {
        opaqueRecord,
        passwordWrappedMasterKey,
        recoveryWrappedMasterKey,
        recoveryVerifyKey,
        updatedAt: T0 + 2,
      });
      const read = await accounts.getById(alice.userId);
      expect(read?.recoveryWrappedMasterKey).toEqual(recoveryWrappedMasterKey);
      expect(read?.recoveryVerifyKey).toEqual(recoveryVerifyKey);
      expect(read?.updatedAt).toBe(T0 + 2);
      await expectStorageError(
        accounts.updateCredentials('nobody', { opaqueRecord, passwordWrappedMasterKey, updatedAt: T0 }),
        'NOT_FOUND',
      );
    });

    it('cascades a delete to sessions, memberships, received grants, links and quota', async () => {
      const s = h().storage;
      const alice = buildAccount();
      const bob = buildAccount({ userId: 'user-bob' });
      await s.accounts.create(alice);
      await s.accounts.create(bob);
      await s.documents.create({ docId: 'doc-1', ownerId: alice.userId, createdAt: T0 });
      const session = buildSession({ userId: alice.userId });
      await s.sessions.create(session);
      await s.members.set('doc-1', alice.userId, 'admin', T0);
      await s.members.set('doc-1', bob.userId, 'editor', T0);
      await s.grants.put(buildGrant({ grantId: 'to-alice', recipientUserId: alice.userId, senderUserId: bob.userId }));
      await s.grants.put(buildGrant({ grantId: 'to-bob', recipientUserId: bob.userId, senderUserId: alice.userId }));
      await s.links.put(buildLink({ creatorUserId: alice.userId }));
      await s.quota.charge(alice.userId, 100, 1000);

      expect(await s.accounts.delete(alice.userId)).toBe(true);
      expect(await s.accounts.getById(alice.userId)).toBeNull();
      expect(await s.sessions.getByTokenHash(session.tokenHash, T0)).toBeNull();
      expect(await s.sessions.listForUser(alice.userId)).toEqual([]);
      expect(await s.members.listForUser(alice.userId)).toEqual([]);
      expect(await s.grants.listForRecipient(alice.userId)).toEqual([]);
      expect(await s.links.listForCreator(alice.userId)).toEqual([]);
      expect(await s.quota.usage(alice.userId)).toEqual({ used: 0, limit: null });
      // What belongs to others, and documents (the caller's decision), stays.
      expect(await s.accounts.getById(bob.userId)).not.toBeNull();
      expect(await s.members.get('doc-1', bob.userId)).toBe('editor');
      expect((await s.grants.listForRecipient(bob.userId)).map((g) => g.grantId)).toEqual(['to-bob']);
      expect(await s.documents.get('doc-1')).not.toBeNull();

      expect(await s.accounts.delete(alice.userId)).toBe(false);
      // The username is free again.
      await s.accounts.create(buildAccount());
    });
  });
}
