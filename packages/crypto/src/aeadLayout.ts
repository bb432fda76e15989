/** Byte layout of a sealAead output: version ‖ nonce ‖ commitment ‖ ciphertext ‖ tag. */
export const AEAD_LAYOUT = {
  version: 1,
  versionBytes: 1,
  nonceBytes: 24,
  commitmentBytes: 32,
  tagBytes: 16,
  /** version + nonce + commitment */
  headerBytes: 57,
  /** header + tag: the size of a sealed empty plaintext */
  overheadBytes: 73,
} as const;
