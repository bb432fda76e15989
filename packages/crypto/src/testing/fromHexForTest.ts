/** Hex → bytes without needing initCrypto (tests only). */
export function fromHexForTest(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
