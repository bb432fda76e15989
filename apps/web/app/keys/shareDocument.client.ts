import { asSymmetricKey, fromBase64Url, sealGrant, toBase64Url, type GrantItemKind } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import { lookUpContact } from './lookUpContact.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

export type Role = 'viewer' | 'editor' | 'admin';

/**
 * Seals the item's key, kind and name to the person's X25519 key, signs the
 * grant, and registers them as a member (of a folder: of everything in it).
 */
export async function shareDocument(input: { account: UnlockedAccount; docId: string; epoch: number; key: string; kind: GrantItemKind; name: string; username: string; role: Role }): Promise<void> {
  const contact = await lookUpContact(input.username);
  const grant = sealGrant({
    itemId: input.docId,
    epoch: input.epoch,
    role: input.role,
    itemKey: asSymmetricKey(fromBase64Url(input.key)),
    itemKind: input.kind,
    itemName: input.name,
    recipientUserId: contact.userId,
    recipientBoxPublicKey: contact.boxPublicKey,
    signerUserId: input.account.userId,
    signer: input.account.identity.signing,
  });
  await apiFetch(`/docs/${encodeURIComponent(input.docId)}/members`, { userId: contact.userId, role: input.role, grant: toBase64Url(grant) });
}
