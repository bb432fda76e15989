import { assertInitialised } from './assertInitialised.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Lower-case hex of public data (hashes, public keys, fingerprints). Not for
 * secrets: a table lookup is not constant-time. Built in one join so the
 * string is flat (libsodium's to_hex grows it a character at a time, ~8×
 * the memory for strings kept as map keys).
 */
export function toHex(bytes: Uint8Array): string {
  assertInitialised();
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i]!]!;
  return parts.join('');
}
