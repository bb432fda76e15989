import { DOMAINS, asSigningPublicKey, verifyDetached } from '@coffre/crypto';
import { bytesKey } from './bytesKey.ts';
import { deviceCertMessage } from './deviceCertMessage.ts';

/** Certificates verified so far (bounded). A certificate's validity depends only on its own bytes. */
const verified = new Set<string>();
const MAX_CACHED = 10_000;

/**
 * Checks that the identity key certified the device key. Every envelope of a
 * session repeats the same certificate, so each distinct one is verified once.
 * @throws CryptoError SIGNATURE_INVALID
 */
export function verifyDeviceCert(h: { identityKey: Uint8Array; deviceKey: Uint8Array; certCreatedAt: number; deviceCert: Uint8Array }): void {
  // Keys and certificate have fixed lengths: the key is unambiguous.
  const id = bytesKey(h.identityKey, h.deviceKey, h.deviceCert) + h.certCreatedAt;
  if (verified.has(id)) return;
  verifyDetached(asSigningPublicKey(h.identityKey), DOMAINS.deviceCert, deviceCertMessage(h.deviceKey, h.certCreatedAt), h.deviceCert);
  if (verified.size >= MAX_CACHED) verified.clear();
  verified.add(id);
}
