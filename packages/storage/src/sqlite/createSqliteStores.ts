import type { StorageTransaction } from '../interfaces/StorageTransaction.ts';
import { SqliteAccountStore } from './SqliteAccountStore.ts';
import { SqliteDocumentStore } from './SqliteDocumentStore.ts';
import { SqliteEphemeralStore } from './SqliteEphemeralStore.ts';
import { SqliteFileStore } from './SqliteFileStore.ts';
import { SqliteGrantStore } from './SqliteGrantStore.ts';
import { SqliteLinkStore } from './SqliteLinkStore.ts';
import { SqliteMembershipStore } from './SqliteMembershipStore.ts';
import { SqliteQuotaLedger } from './SqliteQuotaLedger.ts';
import { SqliteRateLimitStore } from './SqliteRateLimitStore.ts';
import { SqliteSessionStore } from './SqliteSessionStore.ts';
import { SqliteSettingsStore } from './SqliteSettingsStore.ts';
import { SqliteSnapshotStore } from './SqliteSnapshotStore.ts';
import type { SqlRunner } from './SqlRunner.ts';

/** Every metadata store, running its statements through `sql`. */
export function createSqliteStores(sql: SqlRunner): StorageTransaction {
  return {
    accounts: new SqliteAccountStore(sql),
    sessions: new SqliteSessionStore(sql),
    rateLimits: new SqliteRateLimitStore(sql),
    ephemeral: new SqliteEphemeralStore(sql),
    documents: new SqliteDocumentStore(sql),
    snapshots: new SqliteSnapshotStore(sql),
    files: new SqliteFileStore(sql),
    members: new SqliteMembershipStore(sql),
    grants: new SqliteGrantStore(sql),
    links: new SqliteLinkStore(sql),
    quota: new SqliteQuotaLedger(sql),
    settings: new SqliteSettingsStore(sql),
  };
}
