import { blake2b256 } from './blake2b256.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeGrantHeader } from './decodeGrantHeader.ts';
import { decodeGrantPayload } from './decodeGrantPayload.ts';
import type { GrantPayload } from './encodeGrantPayload.ts';
import { getSodium } from './getSodium.ts';
import type { GrantRole } from './grantLayout.ts';
import { splitGrant } from './splitGrant.ts';
import type { BoxKeyPair, SigningPublicKey } from './types.ts';
import { verifyDetached } from './verifyDetached.ts';

export interface OpenGrantOptions {
  recipientUserId: string;
  recipientBox: BoxKeyPair;
  /** the signer's pinned key; the caller also checks the signer may share */
  signerPublicKey: SigningPublicKey;
  expectedItemId: string;
}

/** The sealed payload, plus who signed the grant. */
export interface OpenedGrant extends GrantPayload {
  signerUserId: string;
}

/**
 * Verifies the signature first, then that the grant is for this recipient
 * and item, then opens the sealed payload, checks it and that it repeats the
 * signed item, epoch and role. Kind and name are authenticated by the
 * signature over BLAKE2b-256(sealed); the name is untrusted text to display.
 * @throws CryptoError — 'UNSUPPORTED_VERSION' (any version but 2, including
 *   retired v1); 'MALFORMED' (container, header, or payload: item key, unknown
 *   kind, name not UTF-8 or too long, padding); 'SIGNATURE_INVALID' (bad
 *   signature or sealed blob not the signed one); 'KEY_MISMATCH' (valid grant
 *   for another recipient/item, or payload disagreeing with the signed
 *   header); 'DECRYPT_FAILED' (cannot open)
 */
export function openGrant(bytes: Uint8Array, options: OpenGrantOptions): OpenedGrant {
  const sodium = getSodium();
  const parts = splitGrant(bytes);
  verifyDetached(options.signerPublicKey, DOMAINS.grant, parts.signed, parts.signature);
  const header = decodeGrantHeader(parts.header);
  if (!constantTimeEqual(blake2b256(parts.sealed), header.sealedHash)) throw new CryptoError('SIGNATURE_INVALID', 'sealed blob');
  if (
    header.recipientUserId !== options.recipientUserId ||
    !constantTimeEqual(header.recipientBoxPublicKey, options.recipientBox.publicKey) ||
    header.itemId !== options.expectedItemId
  ) {
    throw new CryptoError('KEY_MISMATCH', 'grant recipient or item');
  }
  let payloadBytes: Uint8Array;
  try {
    payloadBytes = sodium.crypto_box_seal_open(parts.sealed, options.recipientBox.publicKey, options.recipientBox.secretKey);
  } catch {
    throw new CryptoError('DECRYPT_FAILED', 'grant');
  }
  const payload = decodeGrantPayload(payloadBytes);
  if (payload.itemId !== header.itemId || payload.epoch !== header.epoch || payload.role !== header.role) {
    throw new CryptoError('KEY_MISMATCH', 'grant payload');
  }
  return {
    itemId: header.itemId,
    epoch: header.epoch,
    role: header.role as GrantRole,
    itemKey: payload.itemKey,
    itemKind: payload.itemKind,
    itemName: payload.itemName,
    ...(payload.writer ? { writer: payload.writer } : {}),
    ...(payload.writeKey ? { writeKey: payload.writeKey } : {}),
    signerUserId: header.signerUserId,
  };
}
