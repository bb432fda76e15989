import { MAX_TREE_DEPTH, decodeLinkRecordPayload, proofMatches, type Storage } from '@coffre/storage';

/** Link connections per address and link, right or wrong, and wrong proofs per link, per window (ADR 0008). */
const ATTEMPTS_PER_ADDRESS = 120;
const WRONG_PROOFS_PER_LINK = 100;
const WINDOW_MS = 15 * 60 * 1000;

const TOKEN = /^link\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/** A link visitor's token: `link.<linkId>.<access proof>`; null for anything else. */
export function parseLinkToken(token: string | undefined): { linkId: string; proof: string } | null {
  const m = TOKEN.exec(token ?? '');
  return m ? { linkId: m[1]!, proof: m[2]! } : null;
}

/**
 * Whether a live link with this proof reaches `docId`: the linked item itself
 * or anything under it in the drive tree. Wrong proofs are counted like the
 * web server counts them, so the collab server is no password oracle.
 * `proof` null: an already authenticated connection being re-checked.
 */
export async function linkReaches(storage: Storage, linkId: string, proof: string | null, docId: string, address: string): Promise<boolean> {
  const now = Date.now();
  const link = await storage.links.get(linkId, now);
  if (!link) return false;
  if (proof !== null) {
    // Every attempt counts, so right and wrong answers alike stop once an address has had its share.
    const attempt = await storage.rateLimits.consume(`link:collab:${address}:${linkId}`, { limit: ATTEMPTS_PER_ADDRESS, windowMs: WINDOW_MS, now });
    if (!attempt.allowed) return false;
    if (!proofMatches(proof, decodeLinkRecordPayload(link.payload).verifier)) {
      await storage.rateLimits.consume(`link:all:${linkId}`, { limit: WRONG_PROOFS_PER_LINK, windowMs: WINDOW_MS, now });
      return false;
    }
  }
  for (let at: string | null = docId, depth = 0; at && depth < MAX_TREE_DEPTH; depth++) {
    if (at === link.itemId) return true;
    at = (await storage.documents.get(at))?.parentId ?? null;
  }
  return false;
}
