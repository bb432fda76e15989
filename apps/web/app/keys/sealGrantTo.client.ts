import { sealGrant, toBase64Url, type GrantItemKind, type GrantRole, type PublicBundle, type SymmetricKey } from '@coffre/crypto';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

/** A grant from me to one (verified, pinned) contact, base64url for the API. */
export function sealGrantTo(account: UnlockedAccount, contact: PublicBundle, item: { id: string; epoch: number; role: GrantRole; key: SymmetricKey; kind: GrantItemKind; name: string }): string {
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
    }),
  );
}
