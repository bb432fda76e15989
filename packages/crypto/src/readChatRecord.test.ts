import { beforeAll, describe, expect, it } from 'vitest';
import { CryptoError } from './CryptoError.ts';
import { generateSigningKeyPair } from './generateSigningKeyPair.ts';
import { initCrypto } from './initCrypto.ts';
import { readChatRecord } from './readChatRecord.ts';
import { signChatRecord } from './signChatRecord.ts';

const fields = { roomId: 'room-1', slot: 'm:abc', kind: 'message', authorId: 'u-alice', author: 'alice', ts: 1_700_000_000_000, body: '{"text":"hi"}' };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof CryptoError ? e.code : 'other';
  }
  return 'none';
};

describe('chat records', () => {
  beforeAll(() => initCrypto());

  it('round-trips the fields and verifies under the author key only', () => {
    const alice = generateSigningKeyPair();
    const mallory = generateSigningKeyPair();
    const record = readChatRecord(signChatRecord(alice.secretKey, fields));
    expect(record.claims).toEqual(fields);
    expect(code(() => record.verify(alice.publicKey))).toBe('none');
    expect(code(() => record.verify(mallory.publicKey))).toBe('SIGNATURE_INVALID');
  });

  it('refuses any changed byte, in the fields or the signature', () => {
    const alice = generateSigningKeyPair();
    const bytes = signChatRecord(alice.secretKey, fields);
    for (const at of [0, 10, bytes.length - 70, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at]! ^= 1;
      const outcome = code(() => readChatRecord(bad).verify(alice.publicKey));
      expect(['MALFORMED', 'SIGNATURE_INVALID']).toContain(outcome);
    }
  });

  it('refuses short input and trailing bytes as malformed', () => {
    const alice = generateSigningKeyPair();
    expect(code(() => readChatRecord(new Uint8Array(64)))).toBe('MALFORMED');
    const bytes = signChatRecord(alice.secretKey, fields);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes.subarray(0, bytes.length - 64));
    longer.set(bytes.subarray(bytes.length - 64), bytes.length - 63);
    expect(code(() => readChatRecord(longer).verify(alice.publicKey))).toMatch(/MALFORMED|SIGNATURE_INVALID/);
  });
});
