import '../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, concatBytes, generateSymmetricKey, initCrypto, sealAead, utf8Encode, type SymmetricKey } from '@coffre/crypto';
import { buildEnvelope, buildTextUpdate } from '../testing/buildEnvelope.ts';
import { envelopeFields, expectedTamperCode, fieldAt } from '../testing/envelopeFields.ts';
import { expectDocError } from '../testing/expectDocError.ts';
import { forgeEnvelope, resignEnvelope } from '../testing/forgeEnvelope.ts';
import { decodeEnvelope } from '../wire/decodeEnvelope.ts';
import type { EnvelopeHeader } from '../wire/EnvelopeHeader.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import { openUpdateEnvelope } from './openUpdateEnvelope.ts';
import { padUpdate } from './padUpdate.ts';
import { sealUpdateEnvelope } from './sealUpdateEnvelope.ts';

const DOC = 'doc-seal';

describe('sealUpdateEnvelope / openUpdateEnvelope', () => {
  let key: SymmetricKey;
  let built: ReturnType<typeof buildEnvelope>;
  /** Opens as a member of DOC holding `key` for epoch 1 (and, to test transplants, for epoch 2 too). */
  const open = (bytes: Uint8Array, docId = DOC, keys: ReadonlyMap<number, SymmetricKey> = new Map([[1, key]])) =>
    openUpdateEnvelope(decodeEnvelope(bytes), docId, (epoch) => keys.get(epoch));

  beforeAll(async () => {
    await initCrypto();
    key = generateSymmetricKey();
    built = buildEnvelope({ docId: DOC, key, update: buildTextUpdate('a secret sentence'), baseSnapshotId: 'snap-7', seq: 3 });
  });

  it('round-trips a Yjs update that applies to a document', () => {
    const update = open(built.bytes);
    expect(update).toEqual(built.update);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, update);
    expect(doc.getText('t').toString()).toBe('a secret sentence');
  });

  it('never carries the plaintext, uses a fresh nonce each time, and hides the size within a bucket', () => {
    const canary = 'canary-7f3a9c';
    const bytes = buildEnvelope({ key, update: buildTextUpdate(canary) }).bytes;
    expect(Buffer.from(bytes).includes(Buffer.from(utf8Encode(canary)))).toBe(false);
    const again = sealUpdateEnvelope({ ...built });
    expect(again).not.toEqual(built.bytes);
    expect(open(again)).toEqual(built.update);
    const short = sealUpdateEnvelope({ ...built, update: buildTextUpdate('x') });
    const long = sealUpdateEnvelope({ ...built, update: buildTextUpdate('x'.repeat(150)) });
    expect(short.length).toBe(long.length);
    expect(decodeEnvelope(short).sealed.length).toBe(padUpdate(built.update).length + 73); // version, nonce, commitment, tag
  });

  it('refuses a flipped bit in every byte, with the code of the field hit', () => {
    const fields = envelopeFields(built.bytes);
    for (let position = 0; position < built.bytes.length; position++) {
      for (const bit of [position % 8, (position + 3) % 8]) {
        const mutated = built.bytes.slice();
        mutated[position]! ^= 1 << bit;
        expectDocError(() => open(mutated), expectedTamperCode(fields, mutated, position), `${fieldAt(fields, position).name} byte ${position} bit ${bit}`);
      }
    }
    expect(open(built.bytes)).toEqual(built.update);
  });

  it('refuses every truncation, extensions, and blocks swapped in from another envelope of the same device', () => {
    const bytes = built.bytes;
    for (let length = 0; length < bytes.length; length++) expectDocError(() => open(bytes.slice(0, length)), 'ENVELOPE_MALFORMED', `length ${length}`);
    for (const extra of [Uint8Array.of(0), new Uint8Array(64)]) expectDocError(() => open(concatBytes(bytes, extra)), 'ENVELOPE_MALFORMED');
    const other = sealUpdateEnvelope({ ...built, update: buildTextUpdate('another sentence!') });
    expect(other.length).toBe(bytes.length);
    const fields = envelopeFields(bytes);
    for (let offset = 0; offset + 16 <= bytes.length; offset += 16) {
      const mutated = bytes.slice();
      mutated.set(other.subarray(offset, offset + 16), offset);
      const first = mutated.findIndex((b, i) => b !== bytes[i]);
      if (first < 0) continue;
      expectDocError(() => open(mutated), expectedTamperCode(fields, mutated, first), `block at ${offset}`);
    }
  });

  it('refuses another document, an unknown epoch and the wrong key', () => {
    expectDocError(() => open(built.bytes, 'doc-other'), 'WRONG_DOCUMENT');
    expectDocError(() => open(built.bytes, DOC, new Map()), 'UNKNOWN_EPOCH');
    expectDocError(() => open(built.bytes, DOC, new Map([[1, generateSymmetricKey()]])), 'DECRYPT_FAILED');
  });

  describe('a writer holding the device key but not the document key', () => {
    const sameKeyBothEpochs = () => new Map([[1, key], [2, key]]);
    const resigned = (change: Partial<EnvelopeHeader>) => resignEnvelope(built.bytes, built.device.secretKey, change);

    it('cannot transplant the ciphertext into another document or epoch', () => {
      const intoB = resigned({ docId: 'doc-b' });
      expectDocError(() => open(intoB, DOC), 'WRONG_DOCUMENT');
      expectDocError(() => open(intoB, 'doc-b'), 'DECRYPT_FAILED');
      expectDocError(() => open(resigned({ epoch: 2 }), DOC, sameKeyBothEpochs()), 'DECRYPT_FAILED');
      expectDocError(() => open(resigned({ epoch: 2 }), DOC), 'UNKNOWN_EPOCH');
    });

    it('cannot change any other header field: the header is the AEAD associated data', () => {
      const changes: Partial<EnvelopeHeader>[] = [
        { seq: 4 },
        { seq: 1 },
        { prevHash: new Uint8Array(32).fill(1) },
        { baseSnapshotId: 'snap-8' },
        { baseSnapshotId: '' },
        { ts: built.ts + 1 },
      ];
      for (const change of changes) {
        const bytes = resigned(change);
        expect(decodeEnvelope(bytes).header).toMatchObject(change);
        expectDocError(() => open(bytes), 'DECRYPT_FAILED', JSON.stringify(change));
      }
      const genuine = decodeEnvelope(built.bytes);
      const asPresence = { header: { ...genuine.header, kind: ENVELOPE.KIND_AWARENESS }, sealed: genuine.sealed, signWith: built.device.secretKey };
      expectDocError(() => open(forgeEnvelope(asPresence)), 'SIGNATURE_INVALID'); // signed as an update, labelled presence
      expectDocError(() => open(forgeEnvelope({ ...asPresence, domain: DOMAINS.docAwareness })), 'DECRYPT_FAILED');
    });

    it('cannot alter, cut or extend the ciphertext and re-sign it', () => {
      const sealed = decodeEnvelope(built.bytes).sealed;
      for (let i = 0; i < sealed.length; i++) {
        const bad = sealed.slice();
        bad[i]! ^= 1 << i % 8;
        expectDocError(() => open(resignEnvelope(built.bytes, built.device.secretKey, {}, bad)), 'DECRYPT_FAILED', `sealed byte ${i}`);
      }
      for (const bad of [sealed.subarray(0, sealed.length - 1), sealed.subarray(0, 40), new Uint8Array(0), concatBytes(sealed, Uint8Array.of(0))]) {
        expectDocError(() => open(resignEnvelope(built.bytes, built.device.secretKey, {}, bad)), 'DECRYPT_FAILED', `length ${bad.length}`);
      }
      expect(open(resignEnvelope(built.bytes, built.device.secretKey, {}))).toEqual(built.update);
    });
  });

  it('refuses non-zero padding sealed by someone holding the key', () => {
    const header = decodeEnvelope(built.bytes).headerBytes;
    const padded = padUpdate(built.update);
    padded[padded.length - 1] = 1;
    const sealed = sealAead(key, padded, DOMAINS.docUpdate, { header });
    const bytes = forgeEnvelope({ header: decodeEnvelope(built.bytes).header, sealed, signWith: built.device.secretKey });
    expectDocError(() => open(bytes), 'ENVELOPE_MALFORMED');
  });
});
