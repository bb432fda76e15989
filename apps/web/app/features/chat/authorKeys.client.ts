import type { SigningPublicKey } from '@coffre/crypto';
import type { ChatAuthorKeys } from '@coffre/docs';
import { lookUpContact } from '../../keys/lookUpContact.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';

/** A verified author: their key and the username the server's bundle binds it to. */
type Known = { key: SigningPublicKey; username: string };

const known = new Map<string, Known>();
const asking = new Set<string>();
/** Author id and claimed name pairs the server's keys did not vouch for. */
const failed = new Set<string>();
const listeners = new Set<() => void>();

/**
 * The chat's key directory: an author's signing key as this device trusts it,
 * from the server's verified, pinned bundle for their username (the same
 * first-use pin sharing uses). A bundle that names someone else, or a key that
 * changed since it was pinned, means their messages are not shown as theirs.
 */
export function chatAuthorKeys(account: UnlockedAccount): ChatAuthorKeys {
  known.set(account.userId, { key: account.identity.signing.publicKey, username: account.username });
  return {
    get(authorId, username) {
      const k = known.get(authorId);
      // A record signed by someone's real key but claiming another person's name is not shown as either.
      if (k) return k.username === username ? k.key : null;
      const ask = `${authorId}\n${username}`;
      if (failed.has(ask)) return null;
      if (!asking.has(ask)) {
        asking.add(ask);
        lookUpContact(username).then(
          (bundle) => settle(ask, authorId, bundle.userId === authorId ? { key: bundle.signingPublicKey, username: bundle.username } : null),
          // A network failure is not a verdict: try again next time the room reads the message.
          (e: { code?: string }) => (e?.code === 'NETWORK' ? asking.delete(ask) : settle(ask, authorId, null)),
        );
      }
      return undefined;
    },
  };
}

function settle(ask: string, authorId: string, found: Known | null): void {
  if (!found) failed.add(ask);
  else if (!known.has(authorId)) known.set(authorId, found);
  for (const fn of listeners) fn();
}

/** Called whenever the directory learns an author's key (or that it cannot be had). */
export function onAuthorKeys(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
