import { describe, expect, it } from 'vitest';
import { decodeLinkRecordPayload, encodeLinkRecordPayload, linkVerifier, proofMatches } from './linkRecordPayload.ts';

describe('link record payload', () => {
  it('round-trips verifier, salt and sealed bytes, and checks proofs', () => {
    const verifier = linkVerifier('proof-one');
    const p = { verifier, salt: new Uint8Array(16).fill(3), sealed: new Uint8Array([9, 8, 7]) };
    const back = decodeLinkRecordPayload(encodeLinkRecordPayload(p));
    expect(back).toEqual(p);
    expect(proofMatches('proof-one', back.verifier)).toBe(true);
    expect(proofMatches('proof-two', back.verifier)).toBe(false);
    expect(decodeLinkRecordPayload(encodeLinkRecordPayload({ ...p, salt: new Uint8Array(0) })).salt.length).toBe(0);
  });

  it('refuses an unknown version or a cut record', () => {
    const bytes = encodeLinkRecordPayload({ verifier: linkVerifier('x'), salt: new Uint8Array(16), sealed: new Uint8Array(4) });
    expect(() => decodeLinkRecordPayload(Uint8Array.of(2, ...bytes.slice(1)))).toThrow();
    expect(() => decodeLinkRecordPayload(bytes.slice(0, 20))).toThrow();
  });
});
