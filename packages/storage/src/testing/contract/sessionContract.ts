import { describe, expect, it } from 'vitest';
import { buildAccount } from '../fixtures/buildAccount.ts';
import { buildSession } from '../fixtures/buildSession.ts';
import { patternBytes } from '../fixtures/patternBytes.ts';
import { T0 } from '../fixtures/T0.ts';
import { expectStorageError } from '../expectStorageError.ts';
import type { StorageHarness } from '../StorageHarness.ts';

export function sessionContract(h: () => StorageHarness): void {
  describe('sessions', () => {
    it('finds a session by token hash until it expires', async () => {
      const s = h().storage;
      await s.accounts.create(buildAccount());
      const session = buildSession({ expiresAt: T0 + 1000 });
      await s.sessions.create(session);
      expect(await s.sessions.getByTokenHash(session.tokenHash, T0)).toEqual(session);
      expect(await s.sessions.getByTokenHash(session.tokenHash, T0 + 999)).toEqual(session);
      expect(await s.sessions.getByTokenHash(session.tokenHash, T0 + 1000)).toBeNull();
      expect(await s.sessions.getByTokenHash(patternBytes(32, 4242), T0)).toBeNull();
    });

    it('refuses duplicates and unknown accounts', async () => {
      const s = h().storage;
      await s.accounts.create(buildAccount());
      const session = buildSession();
      await s.sessions.create(session);
      await expectStorageError(s.sessions.create(buildSession({ tokenHash: patternBytes(32, 77) })), 'DUPLICATE');
      await expectStorageError(s.sessions.create(buildSession({ sessionId: 'other', tokenHash: session.tokenHash })), 'DUPLICATE');
      await expectStorageError(s.sessions.create(buildSession({ sessionId: 'x', userId: 'nobody' })), 'NOT_FOUND');
    });

    it('touches: moves lastSeenAt and expiry', async () => {
      const s = h().storage;
      await s.accounts.create(buildAccount());
      const session = buildSession({ expiresAt: T0 + 1000 });
      await s.sessions.create(session);
      await s.sessions.touch(session.sessionId, T0 + 500, T0 + 5000);
      expect(await s.sessions.getByTokenHash(session.tokenHash, T0 + 2000)).toEqual({
        ...session,
        lastSeenAt: T0 + 500,
        expiresAt: T0 + 5000,
      });
      await expectStorageError(s.sessions.touch('nobody', T0, T0), 'NOT_FOUND');
    });

    it('lists, deletes one, deletes all but one, deletes expired', async () => {
      const s = h().storage;
      await s.accounts.create(buildAccount());
      await s.accounts.create(buildAccount({ userId: 'user-bob' }));
      await s.sessions.create(buildSession({ sessionId: 's1', createdAt: T0, expiresAt: T0 + 10 }));
      await s.sessions.create(buildSession({ sessionId: 's2', createdAt: T0 + 1, expiresAt: T0 + 20 }));
      await s.sessions.create(buildSession({ sessionId: 's3', createdAt: T0 + 2, expiresAt: T0 + 30 }));
      await s.sessions.create(buildSession({ sessionId: 's4', createdAt: T0 + 3, expiresAt: T0 + 40 }));
      await s.sessions.create(buildSession({ sessionId: 'b1', userId: 'user-bob', expiresAt: T0 + 10 }));
      expect((await s.sessions.listForUser('user-alice')).map((x) => x.sessionId)).toEqual(['s4', 's3', 's2', 's1']);

      expect(await s.sessions.delete('s4')).toBe(true);
      expect(await s.sessions.delete('s4')).toBe(false);
      expect(await s.sessions.deleteExpired(T0 + 20)).toBe(3); // s1, s2, b1
      expect((await s.sessions.listForUser('user-alice')).map((x) => x.sessionId)).toEqual(['s3']);

      await s.sessions.create(buildSession({ sessionId: 's5', expiresAt: T0 + 50 }));
      await s.sessions.create(buildSession({ sessionId: 's6', expiresAt: T0 + 50 }));
      expect(await s.sessions.deleteForUser('user-alice', 's5')).toBe(2);
      expect((await s.sessions.listForUser('user-alice')).map((x) => x.sessionId)).toEqual(['s5']);
      expect(await s.sessions.deleteForUser('user-alice')).toBe(1);
      expect(await s.sessions.listForUser('user-alice')).toEqual([]);
    });
  });
}
