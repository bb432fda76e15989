import type { AadFields } from '../aadFormat.ts';
import { blake2b256 } from '../blake2b256.ts';
import { concatBytes } from '../concatBytes.ts';
import { DOMAINS } from '../contexts.ts';
import { encodeAad } from '../encodeAad.ts';
import { getSodium } from '../getSodium.ts';
import { GRANT_LAYOUT } from '../grantLayout.ts';
import { signDetached } from '../signDetached.ts';
import type { BoxPublicKey, SigningSecretKey } from '../types.ts';

export interface BuildGrantInput {
  header: AadFields;
  /** encoded under the current payload domain; see buildGrantPayload */
  payload: AadFields;
  sealTo: BoxPublicKey;
  signWith: SigningSecretKey;
  /** replaces the sealed blob; the header hashes it unless `sealedHash` is set in header */
  sealedOverride?: Uint8Array;
  /** the container's version byte (signed); defaults to the current one */
  version?: number;
}

/**
 * Assembles a grant container from arbitrary parts — for forging grants a
 * correct client would never make (a malicious member or server).
 */
export function buildGrant(input: BuildGrantInput): Uint8Array {
  const sealed = input.sealedOverride ?? getSodium().crypto_box_seal(encodeAad(DOMAINS.grantPayload, input.payload), input.sealTo);
  const header = encodeAad(DOMAINS.grant, { sealedHash: blake2b256(sealed), ...input.header });
  const prefix = new Uint8Array(GRANT_LAYOUT.headerOffset);
  prefix[0] = input.version ?? GRANT_LAYOUT.version;
  new DataView(prefix.buffer).setUint32(1, header.length);
  const signed = concatBytes(prefix, header);
  return concatBytes(signed, sealed, signDetached(input.signWith, DOMAINS.grant, signed));
}
