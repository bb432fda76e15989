import { DOMAINS } from './contexts.ts';
import { encodeAad } from './encodeAad.ts';

/** What a write certificate binds: one document, one key epoch, one device key. */
export type WriteCertFields = {
  docId: string;
  epoch: number;
  deviceKey: Uint8Array;
};

export function writeCertMessage(f: WriteCertFields): Uint8Array {
  return encodeAad(DOMAINS.writeCert, { docId: f.docId, epoch: f.epoch, deviceKey: f.deviceKey });
}
