import { decodeLinkRecordPayload, isSameOrUnder, proofMatches, type LinkRole, type Storage } from '@coffre/storage';

/** Link connections per address and link, right or wrong, and wrong proofs per link, per window (ADR 0008). */
const ATTEMPTS_PER_ADDRESS = 120;
const WRONG_PROOFS_PER_LINK = 100;
const WINDOW_MS = 15 * 60 * 1000;

const TOKEN = /^link\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})(?:\.([A-Za-z0-9_-]{43}))?$/;

/**
 * A link visitor's token: `link.<linkId>.<access proof>`, and for a visitor
 * who edits through an edit link `.<identity public key>` (the visitor's own
 * throwaway Ed25519 key, base64url: the guard takes envelopes signed under it
 * only). Null for anything else.
 */
export function parseLinkToken(token: string | undefined): { linkId: string; proof: string; identityKey: string | null } | null {
  const m = TOKEN.exec(token ?? '');
  return m ? { linkId: m[1]!, proof: m[2]!, identityKey: m[3] ?? null } : null;
}

/**
 * The role of a live link with this proof, if it reaches `docId` (the linked
 * item itself or anything under it in the drive tree), else null. Wrong
 * proofs are counted like the web server counts them, so the collab server is
 * no password oracle. `proof` null: an already authenticated connection
 * being re-checked.
 */
export async function linkRole(storage: Storage, linkId: string, proof: string | null, docId: string, address: string): Promise<LinkRole | null> {
  const now = Date.now();
  const link = await storage.links.get(linkId, now);
  if (!link) return null;
  if (proof !== null) {
    // Every attempt counts, so right and wrong answers alike stop once an address has had its share.
    const attempt = await storage.rateLimits.consume(`link:collab:${address}:${linkId}`, { limit: ATTEMPTS_PER_ADDRESS, windowMs: WINDOW_MS, now });
    if (!attempt.allowed) return null;
    if (!proofMatches(proof, decodeLinkRecordPayload(link.payload).verifier)) {
      await storage.rateLimits.consume(`link:all:${linkId}`, { limit: WRONG_PROOFS_PER_LINK, windowMs: WINDOW_MS, now });
      return null;
    }
  }
  return (await isSameOrUnder(storage.documents, docId, link.itemId)) ? link.role : null;
}
