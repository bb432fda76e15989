import { fromBase64Url, sealGrant, toBase64Url, type GrantItemKind, type GrantRole, type PublicBundle, type SymmetricKey } from '@coffre/crypto';
import { AccountError } from './AccountError.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';
import { writeKeyOf } from './writeKeys.client.ts';

export type GrantedItem = {
  id: string;
  epoch: number;
  role: GrantRole;
  key: SymmetricKey;
  kind: GrantItemKind;
  name: string;
  /** The item's public write key (base64url); absent for an item made before write keys (ADR 0016). */
  writer?: string;
  /** The item's write key for this epoch; by default the one this tab holds. Sealed to editors and admins only. */
  writeKey?: SymmetricKey;
};

/**
 * A grant from me to one (verified, pinned) contact, base64url for the API.
 * @throws AccountError CANNOT_GRANT_WRITE when edit rights are asked for an item whose write key I do not hold
 */
export function sealGrantTo(account: UnlockedAccount, contact: PublicBundle, item: GrantedItem): string {
  const writes = item.role !== 'viewer' && item.writer !== undefined;
  const writeKey = writes ? (item.writeKey ?? writeKeyOf(item.id) ?? undefined) : undefined;
  if (writes && !writeKey) throw new AccountError('CANNOT_GRANT_WRITE', 'You can only give edit rights to something you can edit yourself.');
  return toBase64Url(
    sealGrant({
      itemId: item.id,
      epoch: item.epoch,
      role: item.role,
      itemKey: item.key,
      itemKind: item.kind,
      itemName: item.name,
      recipientUserId: contact.userId,
      recipientBoxPublicKey: contact.boxPublicKey,
      signerUserId: account.userId,
      signer: account.identity.signing,
      ...(item.writer && { writer: fromBase64Url(item.writer) }),
      ...(writeKey && { writeKey }),
    }),
  );
}
