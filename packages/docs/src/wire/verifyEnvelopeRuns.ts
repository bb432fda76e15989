import { CryptoError, constantTimeEqual } from '@coffre/crypto';
import { bytesKey } from './bytesKey.ts';
import { DocError } from './DocError.ts';
import type { DecodedEnvelope } from './EnvelopeHeader.ts';
import { ENVELOPE } from './envelopeLayout.ts';
import { verifyDeviceCert } from './verifyDeviceCert.ts';
import { verifyEnvelope } from './verifyEnvelope.ts';

/** An envelope of a batch with its envelopeHash. */
export type HashedEnvelope = { env: DecodedEnvelope; hash: Uint8Array };

/**
 * Which update envelopes of a batch are signed by their device (ADR 0019).
 * An envelope is signed when its own signature verifies, or when the same
 * device's envelope at seq + 1, itself signed, names its envelope hash as
 * prevHash: the device then signed a BLAKE2b hash of every byte of it,
 * signature included. So a run of one device's envelopes costs one Ed25519
 * verification, of its last envelope, instead of one each. Every envelope's
 * device certificate is still checked (cached per certificate): it says which
 * identity the envelope is from, and a device must not name another one.
 *
 * Returns, per update envelope, `true` (signed) or the error its check threw
 * (a DocError SIGNATURE_INVALID as a rule); never throws. Two envelopes of one
 * device with the same seq vouch for nothing: each is verified alone.
 */
export function verifyEnvelopeRuns(batch: readonly HashedEnvelope[]): Map<DecodedEnvelope, true | unknown> {
  const checked = new Map<DecodedEnvelope, true | unknown>();
  const byDevice = new Map<string, Map<number, HashedEnvelope | null>>();
  for (const item of batch) {
    if (item.env.header.kind !== ENVELOPE.KIND_UPDATE) continue;
    const device = bytesKey(item.env.header.deviceKey);
    const runs = byDevice.get(device) ?? new Map<number, HashedEnvelope | null>();
    byDevice.set(device, runs);
    const seq = item.env.header.seq;
    runs.set(seq, runs.has(seq) ? null : item); // null: the seq is taken twice
  }
  for (const runs of byDevice.values()) {
    // From the highest seq down: each envelope's successor is decided before it.
    for (const seq of [...runs.keys()].sort((a, b) => b - a)) {
      const item = runs.get(seq);
      if (!item) continue;
      const next = runs.get(seq + 1);
      try {
        if (next && checked.get(next.env) === true && constantTimeEqual(next.env.header.prevHash, item.hash)) {
          try {
            verifyDeviceCert(item.env.header);
          } catch (e) {
            throw e instanceof CryptoError ? new DocError('SIGNATURE_INVALID', e.code) : e;
          }
        } else verifyEnvelope(item.env);
        checked.set(item.env, true);
      } catch (e) {
        checked.set(item.env, e);
      }
    }
  }
  return checked;
}
