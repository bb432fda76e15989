import { toBase64Url } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import { MAX_LINK_AUTHORS, type LinkAuthor } from './linkPayload.ts';
import { lookUpContact } from './lookUpContact.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

/**
 * The people of a chat room or folder as this device trusts them, for its
 * link's sealed payload (ADR 0018): me, then its owner and members, each
 * with the keys pinned here (looked up and pinned now if they were not). Someone
 * whose keys changed since they were pinned is left out, so a visitor finds
 * them only through the link, like someone given access later.
 */
export async function linkDirectory(itemId: string, account: UnlockedAccount): Promise<LinkAuthor[]> {
  const authors: LinkAuthor[] = [{ id: account.userId, name: account.username, key: toBase64Url(account.identity.signing.publicKey) }];
  const people = await apiFetch<{ userId: string; username: string }[]>(`/docs/${encodeURIComponent(itemId)}/members`);
  for (const p of people) {
    if (authors.length >= MAX_LINK_AUTHORS) break;
    if (p.userId === account.userId) continue;
    try {
      const bundle = await lookUpContact(p.username);
      if (bundle.userId === p.userId) authors.push({ id: bundle.userId, name: bundle.username, key: toBase64Url(bundle.signingPublicKey) });
    } catch (e) {
      if ((e as { code?: string })?.code === 'NETWORK') throw e;
    }
  }
  return authors;
}
