import { generateIdentity, type Identity, type SigningPublicKey } from '@coffre/crypto';
import type { ChatSigner } from '@coffre/docs';

/** A member of the bench room: who signs chat records, and the identity their device keys are certified by. */
export type ChatPerson = ChatSigner & { identity: Identity; publicKey: SigningPublicKey };

export function chatPerson(username: string): ChatPerson {
  const identity = generateIdentity();
  return { userId: `user-${username}`, username, signingSecretKey: identity.signing.secretKey, publicKey: identity.signing.publicKey, identity };
}
