import { fromBase64Url, openGrant, toBase64Url, type GrantItemKind, type SymmetricKey } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import { pinContact } from './lookUpContact.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

export type AcceptedGrant = {
  itemId: string;
  kind: GrantItemKind;
  name: string;
  epoch: number;
  role: 'viewer' | 'editor' | 'admin';
  key: string;
  sharedBy: string;
  /** The item's public write key (base64url), and its write key for editors and admins (ADR 0016); absent for items made before write keys. */
  writer?: string;
  writeKey?: SymmetricKey;
};
type WireGrant = { grantId: string; itemId: string; sender: { userId: string; username: string; publicBundle: string }; grant: string };

/**
 * Grants addressed to me that verify: signed by the sharer's pinned key,
 * sealed to my key, for the item they name. Anything else is skipped and
 * reported, never used.
 */
export async function acceptGrants(account: UnlockedAccount): Promise<{ accepted: AcceptedGrant[]; rejected: number }> {
  const grants = await apiFetch<WireGrant[]>('/grants');
  const accepted: AcceptedGrant[] = [];
  let rejected = 0;
  for (const g of grants) {
    try {
      const sender = pinContact(g.sender, fromBase64Url(g.sender.publicBundle));
      const opened = openGrant(fromBase64Url(g.grant), {
        recipientUserId: account.userId,
        recipientBox: account.identity.box,
        signerPublicKey: sender.signingPublicKey,
        expectedItemId: g.itemId,
      });
      accepted.push({
        itemId: opened.itemId,
        kind: opened.itemKind,
        name: opened.itemName,
        epoch: opened.epoch,
        role: opened.role,
        key: toBase64Url(opened.itemKey),
        sharedBy: sender.username,
        ...(opened.writer && { writer: toBase64Url(opened.writer) }),
        ...(opened.writeKey && { writeKey: opened.writeKey }),
      });
    } catch {
      rejected += 1;
    }
  }
  return { accepted, rejected };
}
