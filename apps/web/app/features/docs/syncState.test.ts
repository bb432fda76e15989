import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, generateSymmetricKey, initCrypto } from '@coffre/crypto';
import { ENVELOPE, EncryptedDocSession } from '@coffre/docs';
import { syncState } from './syncState.ts';

describe('syncState', () => {
  beforeAll(() => initCrypto());
  const open = () => {
    const session = new EncryptedDocSession({ docId: 'doc-badge', keys: { current: { epoch: 1, key: generateSymmetricKey() } }, identity: generateIdentity(), batchMs: 60_000 });
    return { session, connection: { status: 'synced' as const, unsynced: false, refused: null } };
  };

  it('says Saved once everything is sealed and sent, Saving… before', () => {
    const o = open();
    expect(syncState(o, null).label).toBe('Saved');
    o.session.doc.getText('t').insert(0, 'typing');
    expect(syncState(o, null).label).toBe('Saving…');
    o.session.flush();
    expect(syncState(o, null).label).toBe('Saved');
    o.session.destroy();
  });

  it('says a change too large to save was not saved, and stays so after later edits', () => {
    const o = open();
    let x = 3;
    const big = Array.from({ length: ENVELOPE.MAX_CHANGE_BYTES + 10 }, () => String.fromCharCode(33 + (((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % 90))).join('');
    o.session.doc.getText('t').insert(0, big);
    o.session.flush();
    const shown = syncState(o, 'CHANGE_TOO_LARGE');
    expect(shown).toMatchObject({ label: 'Not saved: change too large', tone: 'bad' });
    expect(shown.detail).toMatch(/reload/i);
    o.session.doc.getText('t').insert(0, 'more');
    o.session.flush();
    expect(syncState(o, null).label).toBe('Not saved: change too large');
    o.session.destroy();
  });

  it('says a change the server refused was not saved, whatever the connection does next', () => {
    const o = open();
    for (const status of ['offline', 'synced'] as const) {
      const shown = syncState({ ...o, connection: { status, unsynced: false, refused: 'DELETE_REFUSED' } }, null);
      expect(shown).toMatchObject({ label: 'Not saved: refused by the server', tone: 'bad' });
      expect(shown.detail).toContain('DELETE_REFUSED');
      expect(shown.detail).toMatch(/reload/i);
    }
    o.session.destroy();
  });

  it('names an integrity problem and a lost connection in plain words', () => {
    const o = open();
    expect(syncState(o, 'SIGNATURE_INVALID')).toMatchObject({ label: 'Integrity problem', tone: 'bad' });
    o.session.doc.getText('t').insert(0, 'offline edit');
    expect(syncState({ ...o, connection: { status: 'offline', unsynced: false, refused: null } }, null).label).toBe('Offline — changes kept here');
    o.session.destroy();
  });
});
