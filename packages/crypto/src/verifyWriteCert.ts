import { DOMAINS } from './contexts.ts';
import type { SigningPublicKey } from './types.ts';
import { verifyDetached } from './verifyDetached.ts';
import { writeCertMessage, type WriteCertFields } from './writeCertMessage.ts';

/**
 * Checks a signWriteCert certificate against the item's public write key.
 * @throws CryptoError('SIGNATURE_INVALID')
 */
export function verifyWriteCert(writePublicKey: SigningPublicKey, fields: WriteCertFields, cert: Uint8Array): void {
  verifyDetached(writePublicKey, DOMAINS.writeCert, writeCertMessage(fields), cert);
}
