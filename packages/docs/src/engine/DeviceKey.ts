import { DOMAINS, generateSigningKeyPair, signDetached, type Identity, type SigningKeyPair } from '@coffre/crypto';
import { deviceCertMessage } from '../wire/deviceCertMessage.ts';

/** A per-session signing key certified by the user's identity key, so tabs never share a sequence. */
export type DeviceKey = SigningKeyPair & { identityKey: Uint8Array; cert: Uint8Array; certCreatedAt: number };

export function createDeviceKey(identity: Identity, now = Date.now()): DeviceKey {
  const pair = generateSigningKeyPair();
  const cert = signDetached(identity.signing.secretKey, DOMAINS.deviceCert, deviceCertMessage(pair.publicKey, now));
  return { ...pair, identityKey: identity.signing.publicKey, cert, certCreatedAt: now };
}
