import { CryptoError, openAead, type SymmetricKey } from '@coffre/crypto';
import { envelopeDomain } from '../wire/envelopeDomain.ts';
import { DocError } from '../wire/DocError.ts';
import type { DecodedEnvelope } from '../wire/EnvelopeHeader.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import { verifyEnvelope } from '../wire/verifyEnvelope.ts';
import { unpadPart } from './padUpdate.ts';

type KeyForEpoch = (epoch: number) => SymmetricKey | undefined;

/**
 * Verifies the device certificate and signature, then decrypts with the key
 * of the envelope's epoch. Returns the payload and whether it is one part of
 * a change continued in the device's next envelope.
 * @throws DocError SIGNATURE_INVALID | WRONG_DOCUMENT | UNKNOWN_EPOCH | DECRYPT_FAILED | ENVELOPE_MALFORMED
 */
export function openUpdatePart(env: DecodedEnvelope, docId: string, keyForEpoch: KeyForEpoch, opts: { verified?: boolean } = {}) {
  if (!opts.verified) verifyEnvelope(env);
  if (env.header.docId !== docId) throw new DocError('WRONG_DOCUMENT');
  const key = keyForEpoch(env.header.epoch);
  if (!key) throw new DocError('UNKNOWN_EPOCH', `epoch ${env.header.epoch}`);
  let padded: Uint8Array;
  try {
    padded = openAead(key, env.sealed, envelopeDomain(env.header.kind), { header: env.headerBytes });
  } catch (e) {
    if (e instanceof CryptoError) throw new DocError('DECRYPT_FAILED', e.code);
    throw e;
  }
  const part = unpadPart(padded);
  if (part.more && env.header.kind !== ENVELOPE.KIND_UPDATE) throw new DocError('ENVELOPE_MALFORMED', 'only updates come in parts');
  return part;
}

/**
 * As openUpdatePart, for a payload that must be whole (presence, a single
 * update): a part is refused. @throws DocError as openUpdatePart
 */
export function openUpdateEnvelope(env: DecodedEnvelope, docId: string, keyForEpoch: KeyForEpoch, opts: { verified?: boolean } = {}): Uint8Array {
  const part = openUpdatePart(env, docId, keyForEpoch, opts);
  if (part.more) throw new DocError('ENVELOPE_MALFORMED', 'a part where a whole payload belongs');
  return part.update;
}
