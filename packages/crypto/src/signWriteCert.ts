import { DOMAINS } from './contexts.ts';
import { signDetached } from './signDetached.ts';
import type { SigningSecretKey } from './types.ts';
import { writeCertMessage, type WriteCertFields } from './writeCertMessage.ts';

/**
 * Certifies that a device key may write document `docId` at `epoch`, with the
 * secret half of the item's write key pair (deriveWriteKeyPair).
 * @throws CryptoError('MALFORMED')
 */
export function signWriteCert(writeSecretKey: SigningSecretKey, fields: WriteCertFields): Uint8Array {
  return signDetached(writeSecretKey, DOMAINS.writeCert, writeCertMessage(fields));
}
