import { readPublicBundleIdentityKey } from '@coffre/docs/wire';
import { MAX_TREE_DEPTH, type Storage } from '@coffre/storage';

/**
 * Hex identity keys of every account that may write the document now: its owner, the owners of
 * the folders above it, and whoever holds editor or admin there (directly or inherited, by
 * `members.effectiveRole`, the rule the server's access checks use). Share-link visitors have no
 * account and are not among them. Read on demand: only a device handing back another member's
 * envelopes needs it (ADR 0020).
 */
export async function documentWriters(storage: Pick<Storage, 'documents' | 'members' | 'accounts'>, docId: string): Promise<Set<string>> {
  const candidates = new Set<string>();
  for (let at: string | null = docId, depth = 0; at && depth < MAX_TREE_DEPTH; depth++) {
    const level = await storage.documents.getSummary(at);
    if (!level) break;
    candidates.add(level.ownerId);
    for (const m of await storage.members.list(at)) candidates.add(m.userId);
    at = level.parentId;
  }
  const writers = new Set<string>();
  for (const userId of candidates) {
    const role = await storage.members.effectiveRole(docId, userId);
    if (role !== 'editor' && role !== 'admin') continue;
    const account = await storage.accounts.getById(userId);
    // Lowercase hex, as the guard's toHex.
    if (account) writers.add(Buffer.from(readPublicBundleIdentityKey(account.publicBundle)).toString('hex'));
  }
  return writers;
}
