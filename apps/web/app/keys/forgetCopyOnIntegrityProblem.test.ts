import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateIdentity, generateSymmetricKey, initCrypto } from '@coffre/crypto';
import { ENVELOPE, EncryptedDocSession } from '@coffre/docs';
import { forgetCopyOnIntegrityProblem } from './forgetCopyOnIntegrityProblem.ts';

const session = (epoch = 1) => new EncryptedDocSession({ docId: 'doc-cache', keys: { current: { epoch, key: generateSymmetricKey() } }, identity: generateIdentity(), batchMs: 60_000 });
/** What the server sends: envelopes appended to the log by another Yjs client. */
const serverSends = (to: EncryptedDocSession, envelopes: Uint8Array[]) => {
  const server = new Y.Doc();
  server.getArray<Uint8Array>(ENVELOPE.LOG).push(envelopes);
  Y.applyUpdate(to.envelope, Y.encodeStateAsUpdate(server), 'server');
};

describe('forgetCopyOnIntegrityProblem', () => {
  beforeAll(() => initCrypto());

  it('forgets the device copy once when the server sends something that fails verification', () => {
    const s = session();
    let forgotten = 0;
    forgetCopyOnIntegrityProblem(s, () => forgotten++);
    serverSends(s, [new Uint8Array([1, 2, 3])]);
    serverSends(s, [new Uint8Array([4, 5, 6])]);
    expect(forgotten).toBe(1);
    s.destroy();
  });

  it('keeps the copy for a newer key not shared yet (a rotation, not a forgery), and while nothing fails', () => {
    const writer = session(2);
    writer.setOnline(true);
    writer.doc.getText('t').insert(0, 'under a newer key');
    writer.flush();
    const reader = session(1);
    const codes: string[] = [];
    reader.onIntegrityError((e) => codes.push(e.code));
    let forgotten = 0;
    forgetCopyOnIntegrityProblem(reader, () => forgotten++);
    serverSends(reader, writer.envelope.getArray<Uint8Array>(ENVELOPE.LOG).toArray());
    expect(codes).toEqual(['UNKNOWN_EPOCH']);
    expect(forgotten).toBe(0);
    writer.destroy();
    reader.destroy();
  });
});
