import { DOMAINS, concatBytes, signDetached, type Domain, type SigningSecretKey } from '@coffre/crypto';
import { ByteWriter } from '../wire/ByteWriter.ts';
import { decodeEnvelope } from '../wire/decodeEnvelope.ts';
import { encodeEnvelopeHeader } from '../wire/encodeEnvelopeHeader.ts';
import type { EnvelopeHeader } from '../wire/EnvelopeHeader.ts';

/**
 * Re-assembles an envelope from arbitrary parts and signs it with `signWith`
 * (or appends `signature` as is) — what a malicious writer holding a device
 * key, or a server with none, could produce.
 */
export function forgeEnvelope(parts: { header: EnvelopeHeader; sealed: Uint8Array; signWith?: SigningSecretKey; signature?: Uint8Array; domain?: Domain }): Uint8Array {
  const signed = concatBytes(encodeEnvelopeHeader(parts.header), new ByteWriter().u32(parts.sealed.length).finish(), parts.sealed);
  const signature = parts.signature ?? (parts.signWith ? signDetached(parts.signWith, parts.domain ?? DOMAINS.docUpdate, signed) : new Uint8Array(64));
  return concatBytes(signed, signature);
}

/** Changes header fields of a genuine envelope, keeps its ciphertext, and re-signs it with the device's own key. */
export function resignEnvelope(bytes: Uint8Array, signWith: SigningSecretKey, change: Partial<EnvelopeHeader>, sealed?: Uint8Array): Uint8Array {
  const env = decodeEnvelope(bytes);
  return forgeEnvelope({ header: { ...env.header, ...change }, sealed: sealed ?? env.sealed, signWith });
}
