/** Constants of the canonical AAD encoding (see architecture/crypto-formats.md). */
export const AAD_FORMAT = {
  version: 1,
  tags: { bytes: 0x01, string: 0x02, u64: 0x03, boolean: 0x04 },
  maxDomainBytes: 0xffff,
  maxFields: 0xffff,
  maxValueBytes: 0xffff_ffff,
  /** camelCase ASCII, so code-unit order equals byte order */
  fieldName: /^[A-Za-z][A-Za-z0-9]{0,63}$/,
} as const;

export type AadFields = Readonly<Record<string, string | number | Uint8Array | boolean>>;
