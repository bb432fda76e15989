import { asSigningPublicKey, fromBase64Url, verifyPublicBundle, type SigningPublicKey } from '@coffre/crypto';
import { withGuestAuthors, type ChatAuthorKeys } from '@coffre/docs';
import { apiFetch } from '../../api/apiFetch.ts';
import { lookUpContact } from '../../keys/lookUpContact.client.ts';
import type { LinkAuthor } from '../../keys/linkPayload.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';

/** A verified author: their key and the username the keys were bound to. */
type Known = { userId: string; username: string; key: SigningPublicKey };

/** Whose keys a room's records are checked against, and a way to hear when it learns more. */
export type AuthorDirectory = { keys: ChatAuthorKeys; onChange(fn: () => void): () => void };

/**
 * A key directory over `lookUp`, which finds someone's verified keys by
 * username: an author's key as this page trusts it. People `add`ed come first and are
 * never looked up again. A bundle that names someone else, or a lookup that
 * fails for good, means their messages are not shown as theirs; a failure of
 * the network (or a rate limit) is not a verdict, and is asked again next
 * time. Guests of edit links are known by their keys (ADR 0018).
 */
function authorDirectory(lookUp: (username: string) => Promise<Known>): AuthorDirectory & { add(k: Known): void } {
  const known = new Map<string, Known>();
  const asking = new Set<string>();
  /** Author id and claimed name pairs whose keys could not be had. */
  const failed = new Set<string>();
  const listeners = new Set<() => void>();
  function settle(ask: string, authorId: string, found: Known | null) {
    if (!found) failed.add(ask);
    else if (!known.has(authorId)) known.set(authorId, found);
    for (const fn of listeners) fn();
  }
  const keys: ChatAuthorKeys = {
    get(authorId, username) {
      const k = known.get(authorId);
      // A record signed by someone's real key but claiming another person's name is not shown as either.
      if (k) return k.username === username ? k.key : null;
      const ask = `${authorId}\n${username}`;
      if (failed.has(ask)) return null;
      if (!asking.has(ask)) {
        asking.add(ask);
        lookUp(username).then(
          (found) => settle(ask, authorId, found.userId === authorId ? found : null),
          (e: { code?: string; status?: number }) => (e?.code === 'NETWORK' || e?.code === 'RATE_LIMITED' || (e?.status ?? 0) >= 500 ? asking.delete(ask) : settle(ask, authorId, null)),
        );
      }
      return undefined;
    },
  };
  return {
    keys: withGuestAuthors(keys),
    add: (k) => known.set(k.userId, k),
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

let members: ReturnType<typeof authorDirectory> | null = null;

/**
 * The signed-in user's directory, shared by every room in the tab: keys from
 * the server's verified bundles, pinned on first use (the pins sharing uses).
 * A key that changed since it was pinned means their messages are not shown.
 */
export function memberAuthors(account: UnlockedAccount): AuthorDirectory {
  members ??= authorDirectory(async (username) => {
    const bundle = await lookUpContact(username);
    return { userId: bundle.userId, username: bundle.username, key: bundle.signingPublicKey };
  });
  members.add({ userId: account.userId, username: account.username, key: account.identity.signing.publicKey });
  return members;
}

/**
 * A link visitor's directory (ADR 0018). First the people the link's maker
 * sealed into it, as the maker's device trusted them: the server cannot
 * change those. Anyone else (someone given access after the link was made)
 * is looked up through the link, among the people the item is shared with,
 * and believed on their self-signed bundle, as a member's device does the
 * first time it meets them.
 */
export function linkAuthors(via: { linkId: string; proof: string }, authors: readonly LinkAuthor[] | undefined, inside?: string): AuthorDirectory {
  const directory = authorDirectory(async (username) => {
    const found = await apiFetch<{ userId: string; username: string; publicBundle: string }>(`/links/${via.linkId}/people/${encodeURIComponent(username.trim().toLowerCase())}${inside ? `?in=${encodeURIComponent(inside)}` : ''}`, undefined, { headers: { 'x-coffre-link-proof': via.proof } });
    const bundle = verifyPublicBundle(fromBase64Url(found.publicBundle));
    if (bundle.userId !== found.userId || bundle.username !== found.username) throw new Error('The keys the server sent belong to someone else.');
    return { userId: bundle.userId, username: bundle.username, key: bundle.signingPublicKey };
  });
  for (const a of authors ?? []) directory.add({ userId: a.id, username: a.name, key: asSigningPublicKey(fromBase64Url(a.key)) });
  return directory;
}
