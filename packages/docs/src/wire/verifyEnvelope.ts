import { CryptoError, DOMAINS, asSigningPublicKey, verifyDetached } from '@coffre/crypto';
import { DocError } from './DocError.ts';
import { envelopeDomain } from './envelopeDomain.ts';
import type { DecodedEnvelope } from './EnvelopeHeader.ts';
import { verifyDeviceCert } from './verifyDeviceCert.ts';

/**
 * Checks, without any document key, that the identity key certified the
 * device key and that the device key signed header ‖ ciphertext. Anyone can
 * run this, the server included.
 * @throws DocError SIGNATURE_INVALID
 */
export function verifyEnvelope(env: DecodedEnvelope): void {
  const h = env.header;
  try {
    verifyDeviceCert(h);
    verifyDetached(asSigningPublicKey(h.deviceKey), envelopeDomain(h.kind), env.signedBytes, env.signature);
  } catch (e) {
    if (e instanceof CryptoError) throw new DocError('SIGNATURE_INVALID', e.code);
    throw e;
  }
}
