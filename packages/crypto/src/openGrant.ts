import { blake2b256 } from './blake2b256.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeAad } from './decodeAad.ts';
import { decodeGrantHeader } from './decodeGrantHeader.ts';
import { getSodium } from './getSodium.ts';
import { GRANT_PAYLOAD_SCHEMA, type GrantRole } from './grantLayout.ts';
import { splitGrant } from './splitGrant.ts';
import { KEY_BYTES, type BoxKeyPair, type SigningPublicKey, type SymmetricKey } from './types.ts';
import { verifyDetached } from './verifyDetached.ts';

export interface OpenGrantOptions {
  recipientUserId: string;
  recipientBox: BoxKeyPair;
  /** the signer's pinned key; the caller also checks the signer may share */
  signerPublicKey: SigningPublicKey;
  expectedItemId: string;
}

export interface OpenedGrant {
  itemId: string;
  epoch: number;
  role: GrantRole;
  itemKey: SymmetricKey;
  signerUserId: string;
}

/**
 * Verifies the signature first, then that the grant is for this recipient
 * and item, then opens the sealed payload and checks it repeats the signed
 * item, epoch and role.
 * @throws CryptoError — 'MALFORMED' | 'UNSUPPORTED_VERSION' (container);
 *   'SIGNATURE_INVALID' (bad signature or sealed blob not the signed one);
 *   'KEY_MISMATCH' (valid grant for another recipient/item, or payload
 *   disagreeing with the signed header); 'DECRYPT_FAILED' (cannot open)
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
  const payload = decodeAad(DOMAINS.grantPayload, payloadBytes, GRANT_PAYLOAD_SCHEMA);
  if (payload.itemId !== header.itemId || payload.epoch !== header.epoch || payload.role !== header.role) {
    throw new CryptoError('KEY_MISMATCH', 'grant payload');
  }
  if (payload.itemKey.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'grant item key');
  return {
    itemId: header.itemId,
    epoch: header.epoch,
    role: header.role as GrantRole,
    itemKey: payload.itemKey as SymmetricKey,
    signerUserId: header.signerUserId,
  };
}
