import { asSigningPublicKey, constantTimeEqual, deriveWriteKeyPair, fromBase64Url, type SigningPublicKey, type SigningSecretKey, type SymmetricKey } from '@coffre/crypto';

/**
 * Who may write one epoch of a document (ADR 0016): the public half of the
 * item's write key, which every reader gets with the document key, and the
 * secret half for those who may write.
 */
export type WriteAccess = { publicKey: SigningPublicKey; secretKey?: SigningSecretKey };

/** Full write access from the item's write key. */
export function writeAccessFromKey(writeKey: SymmetricKey): WriteAccess {
  return deriveWriteKeyPair(writeKey);
}

/**
 * Write access from an entry's `writer` (base64url) and, for writers, the
 * item's write key; undefined for an item made before write keys. A write key
 * that is not the writer's gives read access only.
 */
export function writeAccessOf(writer: string | undefined, writeKey?: SymmetricKey): WriteAccess | undefined {
  if (!writer) return undefined;
  const publicKey = asSigningPublicKey(fromBase64Url(writer));
  if (!writeKey) return { publicKey };
  const pair = deriveWriteKeyPair(writeKey);
  return constantTimeEqual(pair.publicKey, publicKey) ? pair : { publicKey };
}
