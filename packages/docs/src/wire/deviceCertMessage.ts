import { ByteWriter } from './ByteWriter.ts';

/** What an identity key signs to certify a device key: deviceKey ‖ u64 createdAt. */
export function deviceCertMessage(deviceKey: Uint8Array, createdAt: number): Uint8Array {
  return new ByteWriter().bytes(deviceKey).u64(createdAt).finish();
}
