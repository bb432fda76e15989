import { asSigningPublicKey, fromBase64Url, toBase64Url, toHex, type SigningKeyPair, type SigningPublicKey } from '@coffre/crypto';
import type { ChatAuthorKeys, ChatSigner } from './ChatRecord.ts';

const PREFIX = 'guest:';
const KEY_CHARS = 43;

/**
 * A guest of an edit link has no account, only the throwaway identity of its
 * visit (ADR 0013). Its author id is that identity's public key, so its
 * records verify against the id itself; its name is fixed by the key too
 * ("Guest 3fa2"), so a record cannot give a guest someone's name. This says
 * nothing about who the guest is: only that the same key wrote each message.
 */
export function guestSigner(identity: SigningKeyPair): ChatSigner {
  return { userId: `${PREFIX}${toBase64Url(identity.publicKey)}`, username: guestName(identity.publicKey), signingSecretKey: identity.secretKey };
}

export const isGuestAuthor = (authorId: string): boolean => authorId.startsWith(PREFIX);

function guestName(key: SigningPublicKey): string {
  return `Guest ${toHex(key.subarray(0, 2))}`;
}

/** The key a guest's author id names, if `author` is the name that key gives; null for anything else. */
function guestKey(authorId: string, author: string): SigningPublicKey | null {
  if (authorId.length !== PREFIX.length + KEY_CHARS) return null;
  let key: SigningPublicKey;
  try {
    key = asSigningPublicKey(fromBase64Url(authorId.slice(PREFIX.length)));
  } catch {
    return null;
  }
  return guestName(key) === author ? key : null;
}

/** `keys`, and guests' keys read from their author ids. */
export function withGuestAuthors(keys: ChatAuthorKeys): ChatAuthorKeys {
  return { get: (authorId, author) => (isGuestAuthor(authorId) ? guestKey(authorId, author) : keys.get(authorId, author)) };
}
