import { CryptoError, openAead, type SymmetricKey } from '@coffre/crypto';
import { envelopeDomain } from '../wire/envelopeDomain.ts';
import { DocError } from '../wire/DocError.ts';
import type { DecodedEnvelope } from '../wire/EnvelopeHeader.ts';
import { verifyEnvelope } from '../wire/verifyEnvelope.ts';
import { unpadUpdate } from './padUpdate.ts';

/**
 * Verifies the device certificate and signature, then decrypts with the key
 * of the envelope's epoch. Returns the Yjs V2 update.
 * @throws DocError SIGNATURE_INVALID | WRONG_DOCUMENT | UNKNOWN_EPOCH | DECRYPT_FAILED | ENVELOPE_MALFORMED
 */
export function openUpdateEnvelope(
  env: DecodedEnvelope,
  docId: string,
  keyForEpoch: (epoch: number) => SymmetricKey | undefined,
  opts: { verified?: boolean } = {},
): Uint8Array {
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
  return unpadUpdate(padded);
}
