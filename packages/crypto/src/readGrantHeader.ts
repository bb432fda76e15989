import { assertInitialised } from './assertInitialised.ts';
import { decodeGrantHeader } from './decodeGrantHeader.ts';
import { GRANT_LAYOUT, type GrantHeader, type GrantRole } from './grantLayout.ts';
import { splitGrant } from './splitGrant.ts';
import type { BoxPublicKey } from './types.ts';

/**
 * The public header of a grant, NOT verified: use it to route or to look up
 * the signer's pinned key, then call openGrant, which verifies everything.
 * @throws CryptoError('MALFORMED' | 'UNSUPPORTED_VERSION')
 */
export function readGrantHeader(bytes: Uint8Array): GrantHeader {
  assertInitialised();
  const fields = decodeGrantHeader(splitGrant(bytes).header);
  return {
    version: GRANT_LAYOUT.version,
    itemId: fields.itemId,
    epoch: fields.epoch,
    role: fields.role as GrantRole,
    recipientUserId: fields.recipientUserId,
    recipientBoxPublicKey: fields.recipientBoxPublicKey as BoxPublicKey,
    signerUserId: fields.signerUserId,
  };
}
