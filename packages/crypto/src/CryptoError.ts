/**
 * Every failure of @coffre/crypto. Messages are fixed per code so they can
 * never carry key material or plaintext; `detail` must be a static literal.
 */
export type CryptoErrorCode =
  | 'NOT_INITIALISED'
  | 'SELF_TEST_FAILED'
  | 'MALFORMED'
  | 'UNSUPPORTED_VERSION'
  | 'DECRYPT_FAILED'
  | 'COMMITMENT_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'KEY_MISMATCH'
  | 'CHUNK_TRUNCATED'
  | 'CHUNK_EXTENDED'
  | 'KDF_DOWNGRADE'
  | 'OPAQUE_FAILED';

export const CRYPTO_ERROR_MESSAGES: Readonly<Record<CryptoErrorCode, string>> = {
  NOT_INITIALISED: 'call initCrypto() and await it first',
  SELF_TEST_FAILED: 'a known-answer self-test gave a wrong result; refusing to run',
  MALFORMED: 'input does not have the expected format',
  UNSUPPORTED_VERSION: 'unknown or retired format version',
  DECRYPT_FAILED: 'authentication tag did not verify',
  COMMITMENT_MISMATCH: 'ciphertext was not made with this key',
  SIGNATURE_INVALID: 'signature did not verify',
  KEY_MISMATCH: 'keys or bound context do not match what was expected',
  CHUNK_TRUNCATED: 'file stream ended before its final chunk',
  CHUNK_EXTENDED: 'file stream continues after its final chunk',
  KDF_DOWNGRADE: 'key-derivation parameters are below the pinned floor',
  OPAQUE_FAILED: 'OPAQUE protocol step failed',
};

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, detail?: string) {
    super(detail === undefined ? `${code}: ${CRYPTO_ERROR_MESSAGES[code]}` : `${code}: ${CRYPTO_ERROR_MESSAGES[code]} (${detail})`);
    this.name = 'CryptoError';
    this.code = code;
  }
}
