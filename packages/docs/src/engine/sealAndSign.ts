import { concatBytes, sealAead, signDetached, type SymmetricKey } from '@coffre/crypto';
import { ByteWriter } from '../wire/ByteWriter.ts';
import { envelopeDomain } from '../wire/envelopeDomain.ts';
import type { DeviceKey } from './DeviceKey.ts';
import { padUpdate } from './padUpdate.ts';

/** The shared tail of every envelope kind: header ‖ u32 len ‖ AEAD(padded payload, AAD = header) ‖ device signature. */
export function sealAndSign(
  kind: number,
  header: Uint8Array,
  payload: Uint8Array,
  key: SymmetricKey,
  device: DeviceKey,
  opts: { more?: boolean } = {},
): Uint8Array {
  const domain = envelopeDomain(kind);
  const sealed = sealAead(key, padUpdate(payload, opts), domain, { header });
  const signed = concatBytes(header, new ByteWriter().u32(sealed.length).finish(), sealed);
  return concatBytes(signed, signDetached(device.secretKey, domain, signed));
}

/** The header fields every envelope kind takes from its device key (and the write certificate of that device, if any). */
export function deviceFields(device: DeviceKey, writeCert: Uint8Array = NO_WRITE_CERT) {
  return { deviceKey: device.publicKey, identityKey: device.identityKey, deviceCert: device.cert, certCreatedAt: device.certCreatedAt, writeCert };
}

const NO_WRITE_CERT = new Uint8Array(0);
