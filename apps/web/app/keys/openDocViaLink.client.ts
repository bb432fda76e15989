import { asSymmetricKey, fromBase64Url, generateIdentity } from '@coffre/crypto';
import { EncryptedAwareness, EncryptedDocSession, connectHocuspocus } from '@coffre/docs';
import type { OpenDoc } from './openEncryptedDoc.client.ts';

/**
 * A document opened through a share link, read-only, by someone who may have
 * no account: the collab server lets the connection in on the link's access
 * proof. Envelopes are verified exactly as for members; the visitor's own
 * throwaway identity never signs anything (it cannot write). Nothing is kept
 * on this device.
 */
export function openDocViaLink(input: { docId: string; key: string; epoch: number; collabUrl: string; linkId: string; proof: string }): OpenDoc {
  const session = new EncryptedDocSession({
    docId: input.docId,
    keys: { current: { epoch: input.epoch, key: asSymmetricKey(fromBase64Url(input.key)) } },
    identity: generateIdentity(),
  });
  const connection = connectHocuspocus(session, { url: input.collabUrl, canWrite: false, token: `link.${input.linkId}.${input.proof}` });
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
