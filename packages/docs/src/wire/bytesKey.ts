/**
 * A map key for public bytes: one character per byte (a one-byte string,
 * half the size of hex, built natively instead of a character at a time).
 * Parts are concatenated as is: give fixed-length parts, or end with one.
 */
export function bytesKey(...parts: Uint8Array[]): string {
  let key = '';
  for (const part of parts) key += String.fromCharCode.apply(null, part as unknown as number[]);
  return key;
}
