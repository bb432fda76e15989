import * as Y from 'yjs';
import { generateIdentity, generateSymmetricKey, type Identity } from '@coffre/crypto';
import { createDeviceKey, type DeviceKey } from '../engine/DeviceKey.ts';
import { sealUpdateEnvelope, type SealInput } from '../engine/sealUpdateEnvelope.ts';
import { envelopeHash } from '../wire/envelopeHash.ts';
import { ZERO_HASH } from '../wire/envelopeLayout.ts';

export const FIXED_TS = 1_700_000_000_000;

/** A Yjs V2 update that inserts `text` at the start of Y.Text('t') of a fresh document. */
export function buildTextUpdate(text = 'hello'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdateV2(doc);
}

/** An author: identity plus a device key certified by it. */
export function buildAuthor(overrides: { identity?: Identity; certCreatedAt?: number } = {}): { identity: Identity; device: DeviceKey } {
  const identity = overrides.identity ?? generateIdentity();
  return { identity, device: createDeviceKey(identity, overrides.certCreatedAt ?? FIXED_TS) };
}

export function buildSealInput(overrides: Partial<SealInput> = {}): SealInput {
  return {
    docId: 'doc-test',
    epoch: 1,
    key: overrides.key ?? generateSymmetricKey(),
    device: overrides.device ?? buildAuthor().device,
    seq: 1,
    prevHash: ZERO_HASH,
    baseSnapshotId: '',
    update: overrides.update ?? buildTextUpdate(),
    ts: FIXED_TS,
    ...overrides,
  };
}

/** A sealed envelope and everything it was made with. */
export function buildEnvelope(overrides: Partial<SealInput> = {}): SealInput & { bytes: Uint8Array } {
  const input = buildSealInput(overrides);
  return { ...input, bytes: sealUpdateEnvelope(input) };
}

/**
 * `texts.length` chained envelopes of one device (seq 1…n, each prevHash the
 * hash of the one before); envelope i appends texts[i] to Y.Text('t').
 */
export function buildEnvelopeChain(texts: readonly string[], overrides: Partial<SealInput> = {}): Uint8Array[] {
  const base = buildSealInput(overrides);
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  let prevHash = base.prevHash;
  texts.forEach((text, i) => {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(doc.getText('t').length, text);
    const bytes = sealUpdateEnvelope({ ...base, seq: base.seq + i, prevHash, update: Y.encodeStateAsUpdateV2(doc, before) });
    prevHash = envelopeHash(bytes);
    out.push(bytes);
  });
  return out;
}
