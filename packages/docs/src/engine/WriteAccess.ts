import { deriveWriteKeyPair, type SigningPublicKey, type SigningSecretKey, type SymmetricKey } from '@coffre/crypto';

/**
 * Who may write one epoch of a document (ADR 0016): the public half of the
 * item's write key, which every reader gets with the document key, and the
 * secret half for those who may write.
 */
export type WriteAccess = {
  publicKey: SigningPublicKey;
  secretKey?: SigningSecretKey;
};

/** Full write access from the item's write key. */
export function writeAccessFromKey(writeKey: SymmetricKey): WriteAccess {
  return deriveWriteKeyPair(writeKey);
}
