import { blake2b256 } from './blake2b256.ts';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { encodeAad } from './encodeAad.ts';
import { encodeGrantPayload } from './encodeGrantPayload.ts';
import { getSodium } from './getSodium.ts';
import { GRANT_LAYOUT, type GrantRole } from './grantLayout.ts';
import type { GrantItemKind } from './isGrantItemKind.ts';
import { isGrantRole } from './isGrantRole.ts';
import { signDetached } from './signDetached.ts';
import { KEY_BYTES, type BoxPublicKey, type SigningKeyPair, type SymmetricKey } from './types.ts';

export interface SealGrantInput {
  itemId: string;
  epoch: number;
  role: GrantRole;
  itemKey: SymmetricKey;
  recipientUserId: string;
  recipientBoxPublicKey: BoxPublicKey;
  signerUserId: string;
  signer: SigningKeyPair;
  /** sealed to the recipient only; never in the header the server reads */
  itemKind: GrantItemKind;
  /** sealed to the recipient only; at most MAX_GRANT_ITEM_NAME_BYTES of UTF-8 */
  itemName: string;
  /** The item's public write key, and its write key for editors and admins (ADR 0016); sealed only. */
  writer?: Uint8Array;
  writeKey?: SymmetricKey;
}

/**
 * Shares an item key with one person: crypto_box_seal of the payload
 * (itemId, epoch, role, itemKey, itemKind, itemName, padded to one size) to
 * the recipient's X25519 key, plus an Ed25519 signature (domain
 * coffre/grant/v1) over the version byte and a header binding item, epoch,
 * role, recipient id and key, signer id and BLAKE2b-256(sealed).
 * Sealed boxes are anonymous; the signature is what makes a grant count.
 * @throws CryptoError('MALFORMED') — bad role, key, kind, or a name that is
 *   not well-formed or longer than MAX_GRANT_ITEM_NAME_BYTES
 */
export function sealGrant(input: SealGrantInput): Uint8Array {
  const sodium = getSodium();
  if (!isGrantRole(input.role)) throw new CryptoError('MALFORMED', 'grant role');
  if (input.itemKey.length !== KEY_BYTES.symmetric) throw new CryptoError('MALFORMED', 'item key');
  if (input.recipientBoxPublicKey.length !== KEY_BYTES.boxPublic) throw new CryptoError('MALFORMED', 'recipient key');
  const payload = encodeGrantPayload({
    itemId: input.itemId,
    epoch: input.epoch,
    role: input.role,
    itemKey: input.itemKey,
    itemKind: input.itemKind,
    itemName: input.itemName,
    writer: input.writer,
    writeKey: input.writeKey,
  });
  const sealed = sodium.crypto_box_seal(payload, input.recipientBoxPublicKey);
  const header = encodeAad(DOMAINS.grant, {
    itemId: input.itemId,
    epoch: input.epoch,
    role: input.role,
    recipientUserId: input.recipientUserId,
    recipientBoxPublicKey: input.recipientBoxPublicKey,
    signerUserId: input.signerUserId,
    sealedHash: blake2b256(sealed),
  });
  const prefix = new Uint8Array(GRANT_LAYOUT.headerOffset);
  prefix[0] = GRANT_LAYOUT.version;
  new DataView(prefix.buffer).setUint32(1, header.length);
  const signed = concatBytes(prefix, header);
  const signature = signDetached(input.signer.secretKey, DOMAINS.grant, signed);
  return concatBytes(signed, sealed, signature);
}
