// Public API of @coffre/crypto. The OPAQUE server side is at '@coffre/crypto/opaque-server'.

// lifecycle
export { initCrypto } from './initCrypto.ts';
export { selfTest } from './selfTest.ts';

// errors, types, contexts, limits
export { CryptoError, CRYPTO_ERROR_MESSAGES, type CryptoErrorCode } from './CryptoError.ts';
export {
  asBoxPublicKey,
  asBoxSecretKey,
  asLinkSecret,
  asRecoveryKey,
  asSigningPublicKey,
  asSigningSecretKey,
  asSymmetricKey,
  KEY_BYTES,
  type BoxKeyPair,
  type BoxPublicKey,
  type BoxSecretKey,
  type Identity,
  type LinkSecret,
  type RecoveryKey,
  type SigningKeyPair,
  type SigningPublicKey,
  type SigningSecretKey,
  type SymmetricKey,
} from './types.ts';
export { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS, WRAP_DOMAINS, type Domain, type KdfContext, type WrapPurpose } from './contexts.ts';
export {
  FILE_CHUNK_SIZE,
  FILE_DIGEST_BYTES,
  LINK_ARGON2_MEMLIMIT,
  LINK_ARGON2_MEMLIMIT_MAX,
  LINK_ARGON2_OPSLIMIT,
  LINK_ARGON2_OPSLIMIT_MAX,
  LINK_SALT_BYTES,
  MAX_GRANT_ITEM_NAME_BYTES,
} from './limits.ts';

// bytes
export { randomBytes } from './randomBytes.ts';
export { toBase64Url } from './toBase64Url.ts';
export { fromBase64Url } from './fromBase64Url.ts';
export { utf8Encode } from './utf8Encode.ts';
export { utf8Decode } from './utf8Decode.ts';
export { concatBytes } from './concatBytes.ts';
export { constantTimeEqual } from './constantTimeEqual.ts';
export { toHex } from './toHex.ts';
export { domainHash } from './domainHash.ts';
export { createFileDigest, type FileDigest } from './createFileDigest.ts';

// canonical encoding, AEAD, signatures, KDF, key wrapping
export { encodeAad } from './encodeAad.ts';
export type { AadFields } from './aadFormat.ts';
export { AEAD_LAYOUT } from './aeadLayout.ts';
export { sealAead } from './sealAead.ts';
export { openAead } from './openAead.ts';
export { signDetached } from './signDetached.ts';
export { verifyDetached } from './verifyDetached.ts';
export { signChatRecord } from './signChatRecord.ts';
export { readChatRecord } from './readChatRecord.ts';
export type { ChatRecordFields } from './chatRecordLayout.ts';
export { generateSigningKeyPair } from './generateSigningKeyPair.ts';
export { generateBoxKeyPair } from './generateBoxKeyPair.ts';
export { generateSymmetricKey } from './generateSymmetricKey.ts';
export { deriveSubkey } from './deriveSubkey.ts';
export { wrapKey } from './wrapKey.ts';
export { unwrapKey } from './unwrapKey.ts';

// write keys: who may write an item (ADR 0016)
export { deriveWriteKeyPair } from './deriveWriteKeyPair.ts';
export { signWriteCert } from './signWriteCert.ts';
export { verifyWriteCert } from './verifyWriteCert.ts';
export type { WriteCertFields } from './writeCertMessage.ts';
export { wrapWriteKey, type WriteKeySlot } from './wrapWriteKey.ts';
export { unwrapWriteKey } from './unwrapWriteKey.ts';

// account and recovery
export { deriveKekFromExportKey } from './deriveKekFromExportKey.ts';
export { generateMasterKey } from './generateMasterKey.ts';
export { generateRecoveryKey } from './generateRecoveryKey.ts';
export { formatRecoveryKey } from './formatRecoveryKey.ts';
export { parseRecoveryKey } from './parseRecoveryKey.ts';
export { deriveRecoveryWrappingKey } from './deriveRecoveryWrappingKey.ts';
export { deriveRecoverySigningKeyPair } from './deriveRecoverySigningKeyPair.ts';
export { signRecoveryProof } from './signRecoveryProof.ts';
export { verifyRecoveryProof } from './verifyRecoveryProof.ts';

// identity
export { generateIdentity } from './generateIdentity.ts';
export { wrapIdentity } from './wrapIdentity.ts';
export { unwrapIdentity } from './unwrapIdentity.ts';
export { createPublicBundle } from './createPublicBundle.ts';
export { verifyPublicBundle } from './verifyPublicBundle.ts';
export type { PublicBundle } from './publicBundleLayout.ts';
export { fingerprint } from './fingerprint.ts';
export { safetyNumber, SAFETY_NUMBER_WORDS } from './safetyNumber.ts';
export { WORDLIST } from './wordlist.ts';

// grants
export { sealGrant, type SealGrantInput } from './sealGrant.ts';
export { openGrant, type OpenedGrant, type OpenGrantOptions } from './openGrant.ts';
export { readGrantHeader } from './readGrantHeader.ts';
export type { GrantHeader, GrantRole } from './grantLayout.ts';
export { GRANT_ITEM_KINDS, isGrantItemKind, type GrantItemKind } from './isGrantItemKind.ts';

// files
export { encryptChunk } from './encryptChunk.ts';
export { decryptChunk } from './decryptChunk.ts';
export { decryptChunks } from './decryptChunks.ts';
export type { FileChunkPosition } from './fileChunkFields.ts';

// links
export { generateLinkSecret } from './generateLinkSecret.ts';
export { linkAccessProof } from './linkAccessProof.ts';
export { linkIdFromSecret } from './linkIdFromSecret.ts';
export { deriveLinkKey, type LinkPassword } from './deriveLinkKey.ts';
export { assertArgon2Params, type Argon2Params } from './assertArgon2Params.ts';
export { encodeLinkFragment } from './encodeLinkFragment.ts';
export { decodeLinkFragment } from './decodeLinkFragment.ts';

// OPAQUE, client side
export { opaqueRegistrationStart } from './opaque/opaqueRegistrationStart.ts';
export { opaqueRegistrationFinish } from './opaque/opaqueRegistrationFinish.ts';
export { opaqueLoginStart } from './opaque/opaqueLoginStart.ts';
export { opaqueLoginFinish, type OpaqueLoginResult } from './opaque/opaqueLoginFinish.ts';
export { OPAQUE_KEY_STRETCHING } from './opaque/opaqueKeyStretching.ts';
