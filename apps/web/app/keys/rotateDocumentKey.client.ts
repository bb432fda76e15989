import { deriveWriteKeyPair, generateSymmetricKey, toBase64Url, type GrantItemKind } from '@coffre/crypto';
import { writeAccessFromKey } from '@coffre/docs';
import { apiFetch } from '../api/apiFetch.ts';
import { lookUpContact } from './lookUpContact.client.ts';
import { sealGrantTo } from './sealGrantTo.client.ts';
import type { OpenDoc } from './openEncryptedDoc.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';
import { rememberWriteKey, type RotatedKeys } from './writeKeys.client.ts';

type Member = { userId: string; username: string; role: 'viewer' | 'editor' | 'admin'; owner: boolean };

/**
 * After someone loses access: a fresh key for the next epoch, sealed to
 * everyone who keeps access, then a snapshot under it. Content written from
 * now on is unreadable with the old key. A fresh write key too (ADR 0016):
 * sealed to editors and admins only, and what was written with the old one
 * is refused from now on.
 * @returns the new epoch, key (base64url), writer and write key, or null when the server refused
 */
export async function rotateDocumentKey(input: { account: UnlockedAccount; open: OpenDoc; docId: string; epoch: number; kind: GrantItemKind; name: string }): Promise<RotatedKeys | null> {
  const epoch = input.epoch + 1;
  const key = generateSymmetricKey();
  const writeKey = generateSymmetricKey();
  const writer = toBase64Url(deriveWriteKeyPair(writeKey).publicKey);
  const members = await apiFetch<Member[]>(`/docs/${encodeURIComponent(input.docId)}/members`);
  const grants = [];
  for (const m of members) {
    if (m.userId === input.account.userId) continue;
    const contact = await lookUpContact(m.username);
    const grant = sealGrantTo(input.account, contact, { id: input.docId, epoch, role: m.owner ? 'admin' : m.role, key, kind: input.kind, name: input.name, writer, writeKey });

    grants.push({ userId: contact.userId, grant });
  }
  // The snapshot first: once the server is on the new epoch, old-key writes stop everywhere.
  if (!(await input.open.connection.history.rotate(epoch, key, writeAccessFromKey(writeKey)))) return null;
  rememberWriteKey(input.docId, writeKey);
  await apiFetch(`/docs/${encodeURIComponent(input.docId)}/rotate`, { epoch, grants });
  return { epoch, key: toBase64Url(key), writer, writeKey };
}
