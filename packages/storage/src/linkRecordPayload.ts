import { createHash, timingSafeEqual } from 'node:crypto';

const VERSION = 1;
const VERIFIER_BYTES = 32;
const MAX_SALT_BYTES = 32;

/** What the server keeps for a link: a hash of its access proof, the password salt (if any) and the sealed payload. */
export type LinkRecordPayload = { verifier: Uint8Array; salt: Uint8Array; sealed: Uint8Array };

/** The servers' storage layout of `LinkRecord.payload` (ADR 0008): version ‖ SHA-256(proof) ‖ salt length ‖ salt ‖ sealed. */
export function encodeLinkRecordPayload(p: LinkRecordPayload): Uint8Array {
  if (p.verifier.length !== VERIFIER_BYTES || p.salt.length > MAX_SALT_BYTES) throw new Error('bad link record');
  const out = new Uint8Array(2 + VERIFIER_BYTES + p.salt.length + p.sealed.length);
  out[0] = VERSION;
  out.set(p.verifier, 1);
  out[1 + VERIFIER_BYTES] = p.salt.length;
  out.set(p.salt, 2 + VERIFIER_BYTES);
  out.set(p.sealed, 2 + VERIFIER_BYTES + p.salt.length);
  return out;
}

/** @throws Error for a record this version did not write (a bug or a corrupt database). */
export function decodeLinkRecordPayload(bytes: Uint8Array): LinkRecordPayload {
  if (bytes[0] !== VERSION || bytes.length < 2 + VERIFIER_BYTES) throw new Error('unknown link record');
  const saltLength = bytes[1 + VERIFIER_BYTES]!;
  const start = 2 + VERIFIER_BYTES + saltLength;
  if (saltLength > MAX_SALT_BYTES || bytes.length < start) throw new Error('corrupt link record');
  return { verifier: bytes.slice(1, 1 + VERIFIER_BYTES), salt: bytes.slice(2 + VERIFIER_BYTES, start), sealed: bytes.slice(start) };
}

/** What is stored for a link's access proof. */
export function linkVerifier(proof: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(proof).digest());
}

/** Constant-time check of a visitor's access proof against the stored verifier. */
export function proofMatches(proof: string, verifier: Uint8Array): boolean {
  return timingSafeEqual(linkVerifier(proof), verifier);
}
