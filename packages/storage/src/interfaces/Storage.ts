import type { AccountStore } from './AccountStore.ts';
import type { BlobStore } from './BlobStore.ts';
import type { DocumentStore } from './DocumentStore.ts';
import type { EphemeralStore } from './EphemeralStore.ts';
import type { FileStore } from './FileStore.ts';
import type { GrantStore } from './GrantStore.ts';
import type { LinkStore } from './LinkStore.ts';
import type { MembershipStore } from './MembershipStore.ts';
import type { QuotaLedger } from './QuotaLedger.ts';
import type { RateLimitStore } from './RateLimitStore.ts';
import type { SessionStore } from './SessionStore.ts';
import type { SettingsStore } from './SettingsStore.ts';
import type { SnapshotStore } from './SnapshotStore.ts';

export interface Storage {
  accounts: AccountStore;
  sessions: SessionStore;
  rateLimits: RateLimitStore;
  ephemeral: EphemeralStore;
  documents: DocumentStore;
  snapshots: SnapshotStore;
  files: FileStore;
  members: MembershipStore;
  grants: GrantStore;
  links: LinkStore;
  quota: QuotaLedger;
  blobs: BlobStore;
  settings: SettingsStore;
  /**
   * Runs `fn` in one atomic transaction: it commits when `fn` resolves and rolls back, leaving
   * no trace, when it rejects. Transactions are serialised; keep them short and await nothing
   * but store calls inside. Calls on the root stores from inside `fn` join the transaction, and
   * a nested `transaction` call becomes a savepoint of the running one (rolled back alone if
   * the inner `fn` rejects). Running two nested transactions concurrently inside one
   * transaction is a bug and throws.
   */
  transaction<T>(fn: (tx: Omit<Storage, 'transaction' | 'close' | 'blobs'>) => Promise<T>): Promise<T>;
  /** Waits for a running transaction, then releases everything. Idempotent. */
  close(): Promise<void>;
}
