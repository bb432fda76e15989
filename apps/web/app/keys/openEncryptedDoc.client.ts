import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { EncryptedAwareness, EncryptedDocSession, connectHocuspocus, type HocuspocusConnection } from '@coffre/docs';
import type { UnlockedAccount } from './unlockedAccount.client.ts';

export type OpenDoc = { session: EncryptedDocSession; connection: HocuspocusConnection; presence: EncryptedAwareness; close(): void };

/** Opens a document by id and key: a local plaintext Y.Doc synced as envelopes through the collab server. */
export function openEncryptedDoc(input: { account: UnlockedAccount; docId: string; key: Uint8Array | string; epoch: number; collabUrl: string; canWrite?: boolean }): OpenDoc {
  const key = asSymmetricKey(typeof input.key === 'string' ? fromBase64Url(input.key) : input.key);
  const session = new EncryptedDocSession({ docId: input.docId, keys: { current: { epoch: input.epoch, key } }, identity: input.account.identity });
  const connection = connectHocuspocus(session, { url: input.collabUrl, canWrite: input.canWrite ?? true });
  const presence = new EncryptedAwareness(session, connection.provider.awareness!);
  const flushOnHide = () => session.flush();
  window.addEventListener('pagehide', flushOnHide);
  return {
    session,
    connection,
    presence,
    close() {
      window.removeEventListener('pagehide', flushOnHide);
      session.flush();
      // Give the provider a moment to send the last envelope before closing.
      setTimeout(() => {
        presence.destroy();
        connection.destroy();
        session.destroy();
      }, 200);
    },
  };
}
