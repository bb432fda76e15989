import { asSymmetricKey, fromBase64Url, type GrantItemKind } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import { lookUpContact } from './lookUpContact.client.ts';
import { sealGrantTo } from './sealGrantTo.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

export type Role = 'viewer' | 'editor' | 'admin';

/**
 * Seals the item's key, kind and name to the person's X25519 key, signs the
 * grant, and registers them as a member (of a folder: of everything in it).
 */
export async function shareDocument(input: {
  account: UnlockedAccount;
  docId: string;
  epoch: number;
  key: string;
  kind: GrantItemKind;
  name: string;
  username: string;
  role: Role;
  /** The item's public write key, from its entry (ADR 0016). */
  writer?: string;
}): Promise<void> {
  const contact = await lookUpContact(input.username);
  const item = { id: input.docId, epoch: input.epoch, role: input.role, key: asSymmetricKey(fromBase64Url(input.key)), kind: input.kind, name: input.name, writer: input.writer };
  const grant = sealGrantTo(input.account, contact, item);
  await apiFetch(`/docs/${encodeURIComponent(input.docId)}/members`, { userId: contact.userId, role: input.role, grant });
}
