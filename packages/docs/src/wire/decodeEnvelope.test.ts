import '../testing/failOnConsoleError.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, concatBytes, initCrypto, signDetached, toHex } from '@coffre/crypto';
import { buildAuthor, buildEnvelope, FIXED_TS } from '../testing/buildEnvelope.ts';
import { envelopeFields, expectedTamperCode, fieldAt } from '../testing/envelopeFields.ts';
import { expectDocError } from '../testing/expectDocError.ts';
import { forgeEnvelope } from '../testing/forgeEnvelope.ts';
import { ByteWriter } from './ByteWriter.ts';
import { decodeEnvelope } from './decodeEnvelope.ts';
import { encodeEnvelopeHeader } from './encodeEnvelopeHeader.ts';
import type { EnvelopeHeader } from './EnvelopeHeader.ts';
import { ENVELOPE } from './envelopeLayout.ts';
import { verifyEnvelope } from './verifyEnvelope.ts';

const fill = (length: number, byte: number) => new Uint8Array(length).fill(byte);

function buildHeader(overrides: Partial<EnvelopeHeader> = {}): EnvelopeHeader {
  return {
    version: 1,
    kind: 1,
    docId: 'doc-é',
    epoch: 0x80000003,
    deviceKey: fill(32, 0x11),
    identityKey: fill(32, 0x22),
    deviceCert: fill(64, 0x33),
    certCreatedAt: 0x0102030405,
    writeCert: new Uint8Array(0),
    seq: 5,
    prevHash: fill(32, 0x44),
    baseSnapshotId: 'snap',
    ts: FIXED_TS,
    ...overrides,
  };
}

const HEADER_VECTOR =
  '01' + // version
  '01' + // kind: update
  '06' +
  '646f632dc3a9' + // docId "doc-é", UTF-8, u8 length
  '80000003' + // epoch, u32 big-endian
  '11'.repeat(32) + // device key
  '22'.repeat(32) + // identity key
  '33'.repeat(64) + // device certificate
  '0000000102030405' + // certCreatedAt, u64 big-endian
  '0000000000000005' + // seq
  '44'.repeat(32) + // prevHash
  '04' +
  '736e6170' + // baseSnapshotId "snap"
  '0000018bcfe56800'; // ts = 1 700 000 000 000

/** Version 2 (ADR 0016): the write certificate follows the device certificate's time, u8 length (0 or 64) ‖ bytes. */
const HEADER_VECTOR_V2 =
  '02' + // version
  '01' + // kind: update
  '06' +
  '646f632dc3a9' + // docId "doc-é"
  '80000003' + // epoch
  '11'.repeat(32) + // device key
  '22'.repeat(32) + // identity key
  '33'.repeat(64) + // device certificate
  '0000000102030405' + // certCreatedAt
  '40' +
  '66'.repeat(64) + // write certificate, u8 length
  '0000000000000005' + // seq
  '44'.repeat(32) + // prevHash
  '04' +
  '736e6170' + // baseSnapshotId "snap"
  '0000018bcfe56800'; // ts

/** header ‖ u32 len ‖ sealed ‖ signature, from raw parts (no crypto). */
function assemble(header: Uint8Array, sealed: Uint8Array, signature = fill(64, 0x55)): Uint8Array {
  return concatBytes(header, new ByteWriter().u32(sealed.length).finish(), sealed, signature);
}

describe('encodeEnvelopeHeader / decodeEnvelope', () => {
  beforeAll(() => initCrypto());

  it('encodes the header to the fixed vector', () => {
    expect(toHex(encodeEnvelopeHeader(buildHeader()))).toBe(HEADER_VECTOR);
  });

  it('encodes and decodes a version 2 header with its write certificate', () => {
    const header = buildHeader({ version: 2, writeCert: fill(64, 0x66) });
    expect(toHex(encodeEnvelopeHeader(header))).toBe(HEADER_VECTOR_V2);
    expect(decodeEnvelope(assemble(Buffer.from(HEADER_VECTOR_V2, 'hex'), Uint8Array.of(1))).header).toEqual(header);
    const empty = buildHeader({ version: 2 });
    expect(decodeEnvelope(assemble(encodeEnvelopeHeader(empty), Uint8Array.of(1))).header).toEqual(empty);
  });

  it('refuses a write certificate of any length but 0 or 64, and one in a version 1 header', () => {
    for (const length of [1, 32, 63, 65, 255]) {
      const bytes = Buffer.from(HEADER_VECTOR_V2, 'hex');
      bytes[1 + 1 + 7 + 4 + 128 + 8] = length;
      expectDocError(() => decodeEnvelope(assemble(bytes, Uint8Array.of(1))), 'ENVELOPE_MALFORMED', `length ${length}`);
    }
    expect(() => encodeEnvelopeHeader(buildHeader({ version: 1, writeCert: fill(64, 1) }))).toThrow(RangeError);
  });

  it('decodes the fixed vector back into every field', () => {
    const bytes = assemble(Buffer.from(HEADER_VECTOR, 'hex'), Uint8Array.of(9, 8, 7));
    const env = decodeEnvelope(bytes);
    expect(env.header).toEqual(buildHeader());
    expect(toHex(env.headerBytes)).toBe(HEADER_VECTOR);
    expect(env.sealed).toEqual(Uint8Array.of(9, 8, 7));
    expect(env.signature).toEqual(fill(64, 0x55));
    expect(env.signedBytes).toEqual(bytes.subarray(0, bytes.length - 64));
  });

  it('round-trips edge values: the largest safe u64, u32 max epoch, empty base snapshot id', () => {
    const header = buildHeader({ epoch: 0xffffffff, seq: Number.MAX_SAFE_INTEGER, ts: 0, certCreatedAt: 2 ** 32, baseSnapshotId: '' });
    expect(decodeEnvelope(assemble(encodeEnvelopeHeader(header), new Uint8Array(0))).header).toEqual(header);
  });

  it('round-trips a sealed envelope', () => {
    const built = buildEnvelope({ docId: 'doc-round', epoch: 3, seq: 7, prevHash: fill(32, 9), baseSnapshotId: 'snap-1', ts: 1234 });
    const env = decodeEnvelope(built.bytes);
    expect(env.header).toEqual({
      version: ENVELOPE.VERSION,
      kind: ENVELOPE.KIND_UPDATE,
      docId: 'doc-round',
      epoch: 3,
      deviceKey: built.device.publicKey,
      identityKey: built.device.identityKey,
      deviceCert: built.device.cert,
      certCreatedAt: built.device.certCreatedAt,
      writeCert: new Uint8Array(0),
      seq: 7,
      prevHash: fill(32, 9),
      baseSnapshotId: 'snap-1',
      ts: 1234,
    });
    expect(env.headerBytes).toEqual(encodeEnvelopeHeader(env.header));
    expect(built.bytes.length).toBe(env.headerBytes.length + 4 + env.sealed.length + ENVELOPE.SIGNATURE_BYTES);
    expect(() => verifyEnvelope(env)).not.toThrow();
  });

  it('refuses what is not bytes, and oversize input before parsing it', () => {
    expectDocError(() => decodeEnvelope('01' as unknown as Uint8Array), 'ENVELOPE_MALFORMED');
    expectDocError(() => decodeEnvelope([1, 1] as unknown as Uint8Array), 'ENVELOPE_MALFORMED');
    expectDocError(() => decodeEnvelope(new Uint8Array(ENVELOPE.MAX_ENVELOPE_BYTES + 1)), 'ENVELOPE_TOO_LARGE');
  });

  it('refuses unknown versions and kinds, and out-of-range fields', () => {
    const sealed = Uint8Array.of(1);
    const refuse = (h: Partial<EnvelopeHeader>, code: 'UNSUPPORTED_VERSION' | 'ENVELOPE_MALFORMED') =>
      expectDocError(() => decodeEnvelope(assemble(encodeEnvelopeHeader(buildHeader(h)), sealed)), code, JSON.stringify(h));
    refuse({ version: 0 }, 'UNSUPPORTED_VERSION');
    refuse({ version: 3 }, 'UNSUPPORTED_VERSION');
    refuse({ kind: 0 }, 'ENVELOPE_MALFORMED');
    refuse({ kind: 2 }, 'ENVELOPE_MALFORMED');
    refuse({ docId: '' }, 'ENVELOPE_MALFORMED');
    refuse({ epoch: 0 }, 'ENVELOPE_MALFORMED');
    refuse({ seq: 0 }, 'ENVELOPE_MALFORMED');
    const bigSeq = Buffer.from(HEADER_VECTOR, 'hex');
    const seq = fieldAt(envelopeFields(assemble(bigSeq, sealed)), 3 + 6 + 4 + 128 + 8);
    expect(seq.name).toBe('seq');
    bigSeq.set([0, 0x20, 0, 0, 0, 0, 0, 0], seq.start); // 2^53
    expectDocError(() => decodeEnvelope(assemble(bigSeq, sealed)), 'ENVELOPE_MALFORMED');
  });

  it('refuses invalid UTF-8 in the document and snapshot ids', () => {
    const good = Buffer.from(HEADER_VECTOR, 'hex');
    const fields = envelopeFields(assemble(good, Uint8Array.of(1)));
    for (const name of ['docId', 'baseSnapshotId']) {
      const bad = Uint8Array.from(good);
      bad[fields.find((f) => f.name === name)!.start] = 0xff;
      expectDocError(() => decodeEnvelope(assemble(bad, Uint8Array.of(1))), 'ENVELOPE_MALFORMED', name);
    }
  });

  it('refuses every truncation and any trailing bytes', () => {
    const bytes = buildEnvelope().bytes;
    for (let length = 0; length < bytes.length; length++)
      expectDocError(() => decodeEnvelope(bytes.slice(0, length)), 'ENVELOPE_MALFORMED', `length ${length}`);
    for (const extra of [Uint8Array.of(0), fill(64, 0xaa), bytes]) expectDocError(() => decodeEnvelope(concatBytes(bytes, extra)), 'ENVELOPE_MALFORMED');
    expectDocError(() => decodeEnvelope(assemble(Buffer.from(HEADER_VECTOR, 'hex'), new Uint8Array(10)).subarray(0, -1)), 'ENVELOPE_MALFORMED');
  });

  it('decode then verify refuses a flip of every bit of the header, with the code of the field hit', () => {
    const bytes = buildEnvelope({ baseSnapshotId: 'base-1', seq: 5 }).bytes;
    const fields = envelopeFields(bytes);
    const headerEnd = fields.find((f) => f.name === 'sealed')!.start; // header and the sealed length
    for (let position = 0; position < headerEnd; position++) {
      for (let bit = 0; bit < 8; bit++) {
        const mutated = bytes.slice();
        mutated[position]! ^= 1 << bit;
        const where = `${fieldAt(fields, position).name} byte ${position} bit ${bit}`;
        expectDocError(() => verifyEnvelope(decodeEnvelope(mutated)), expectedTamperCode(fields, mutated, position), where);
      }
    }
    expect(() => verifyEnvelope(decodeEnvelope(bytes))).not.toThrow();
  });
});

describe('verifyEnvelope', () => {
  beforeAll(() => initCrypto());

  it('refuses a device certified by another identity, another device’s signature, and another domain', () => {
    const { device } = buildAuthor();
    const genuine = decodeEnvelope(buildEnvelope({ device }).bytes);
    const stranger = buildAuthor().device;
    const claim = (change: Partial<EnvelopeHeader>, signWith = device.secretKey) =>
      forgeEnvelope({ header: { ...genuine.header, ...change }, sealed: genuine.sealed, signWith });
    // the identity claims a device it never certified (the cert is the stranger's own)
    expectDocError(() => verifyEnvelope(decodeEnvelope(claim({ deviceKey: stranger.publicKey, deviceCert: stranger.cert }, stranger.secretKey))), 'SIGNATURE_INVALID');
    // a valid certificate of the stranger's device, presented under our identity key
    expectDocError(
      () =>
        verifyEnvelope(decodeEnvelope(claim({ deviceKey: stranger.publicKey, deviceCert: stranger.cert, identityKey: device.identityKey }, stranger.secretKey))),
      'SIGNATURE_INVALID',
    );
    // our certified device key, signed by the stranger's device
    expectDocError(() => verifyEnvelope(decodeEnvelope(claim({}, stranger.secretKey))), 'SIGNATURE_INVALID');
    // the right key, but a signature made for snapshots
    const signed = genuine.signedBytes;
    const otherDomain = concatBytes(signed, signDetached(device.secretKey, DOMAINS.docSnapshot, signed));
    expectDocError(() => verifyEnvelope(decodeEnvelope(otherDomain)), 'SIGNATURE_INVALID');
    // a certificate whose createdAt was changed
    expectDocError(() => verifyEnvelope(decodeEnvelope(claim({ certCreatedAt: device.certCreatedAt + 1 }))), 'SIGNATURE_INVALID');
    // and the genuine one, re-signed as is, verifies
    expect(() => verifyEnvelope(decodeEnvelope(claim({})))).not.toThrow();
  });
});
