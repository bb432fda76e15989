import type { AadFields } from '../aadFormat.ts';
import { blake2b256 } from '../blake2b256.ts';
import { concatBytes } from '../concatBytes.ts';
import { DOMAINS } from '../contexts.ts';
import { encodeAad } from '../encodeAad.ts';
import { getSodium } from '../getSodium.ts';
import { signDetached } from '../signDetached.ts';
import type { BoxPublicKey, SigningSecretKey } from '../types.ts';

export interface BuildGrantInput {
  header: AadFields;
  payload: AadFields;
  sealTo: BoxPublicKey;
  signWith: SigningSecretKey;
  /** replaces the sealed blob (the header still hashes the real one unless `sealedHash` is set in header) */
  sealedOverride?: Uint8Array;
}

/**
 * Assembles a grant container from arbitrary parts — for forging grants a
 * correct client would never make (a malicious member or server).
 */
export function buildGrant(input: BuildGrantInput): Uint8Array {
  const sealed = input.sealedOverride ?? getSodium().crypto_box_seal(encodeAad(DOMAINS.grantPayload, input.payload), input.sealTo);
  const header = encodeAad(DOMAINS.grant, { sealedHash: blake2b256(sealed), ...input.header });
  const prefix = new Uint8Array(5);
  prefix[0] = 1;
  new DataView(prefix.buffer).setUint32(1, header.length);
  const signed = concatBytes(prefix, header);
  return concatBytes(signed, sealed, signDetached(input.signWith, DOMAINS.grant, signed));
}
