/** Deterministic test bytes: byte i = (seed * 37 + i * 11 + 5) mod 256. Not random; for fixtures only. */
export function fixedBytes(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (seed * 37 + i * 11 + 5) & 0xff);
}
