import { asSymmetricKey, fromBase64Url, generateIdentity, toBase64Url, type Identity } from '@coffre/crypto';
import { EncryptedAwareness, EncryptedDocSession, connectHocuspocus, writeAccessOf } from '@coffre/docs';
import type { OpenDoc } from './openEncryptedDoc.client.ts';

/**
 * A document opened through a share link by someone who may have no
 * account: the collab server lets the connection in on the link's access
 * proof. Envelopes are verified exactly as for members. The visitor gets a
 * throwaway identity for this visit: through a view link it never signs
 * anything; through an edit link (`write`) the token names its public key,
 * and the guard takes only envelopes signed under it. Nothing is kept on
 * this device.
 */
export function openDocViaLink(input: {
  docId: string;
  key: string;
  epoch: number;
  collabUrl: string;
  linkId: string;
  proof: string;
  write?: boolean;
  /** The document's public write key, and (edit links) its write key (ADR 0016). */
  writer?: string;
  writeKey?: string;
  /** The visit's throwaway identity, when the page signs with it too (a guest's chat messages); a fresh one otherwise. */
  identity?: Identity;
}): OpenDoc {
  const identity = input.identity ?? generateIdentity();
  const writeKey = input.writeKey ? asSymmetricKey(fromBase64Url(input.writeKey)) : undefined;
  const session = new EncryptedDocSession({
    docId: input.docId,
    keys: { current: { epoch: input.epoch, key: asSymmetricKey(fromBase64Url(input.key)), write: writeAccessOf(input.writer, writeKey) } },
    identity,
  });
  const token = `link.${input.linkId}.${input.proof}${input.write ? `.${toBase64Url(identity.signing.publicKey)}` : ''}`;
  const connection = connectHocuspocus(session, { url: input.collabUrl, canWrite: !!input.write, token });
  const presence = new EncryptedAwareness(session, connection.provider.awareness!);
  return {
    session,
    connection,
    presence,
    close() {
      presence.destroy();
      connection.destroy();
      session.destroy();
    },
  };
}
