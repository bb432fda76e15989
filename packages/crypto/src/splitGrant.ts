import { CryptoError } from './CryptoError.ts';
import { GRANT_LAYOUT } from './grantLayout.ts';

export interface GrantParts {
  /** version ‖ header length ‖ header: the signed bytes */
  signed: Uint8Array;
  header: Uint8Array;
  sealed: Uint8Array;
  signature: Uint8Array;
}

/**
 * Splits a grant container without interpreting the header.
 * @throws CryptoError('MALFORMED' | 'UNSUPPORTED_VERSION')
 */
export function splitGrant(bytes: Uint8Array): GrantParts {
  if (bytes.length < 1) throw new CryptoError('MALFORMED', 'grant');
  if (bytes[0] !== GRANT_LAYOUT.version) throw new CryptoError('UNSUPPORTED_VERSION', 'grant');
  if (bytes.length < GRANT_LAYOUT.headerOffset) throw new CryptoError('MALFORMED', 'grant');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1);
  const signedEnd = GRANT_LAYOUT.headerOffset + headerLength;
  const signatureStart = bytes.length - GRANT_LAYOUT.signatureBytes;
  if (signatureStart - signedEnd < GRANT_LAYOUT.sealOverheadBytes) throw new CryptoError('MALFORMED', 'grant');
  return {
    signed: bytes.subarray(0, signedEnd),
    header: bytes.subarray(GRANT_LAYOUT.headerOffset, signedEnd),
    sealed: bytes.subarray(signedEnd, signatureStart),
    signature: bytes.subarray(signatureStart),
  };
}
