/** version(1)=1 ‖ flags(1) ‖ secret(32) ‖ checksum(4), base64url (51 characters) */
export const LINK_FRAGMENT_LAYOUT = {
  version: 1,
  flagsOffset: 1,
  secretOffset: 2,
  checksumOffset: 34,
  totalBytes: 38,
  checksumBytes: 4,
  flags: { hasPassword: 0x01 },
  knownFlags: 0x01,
} as const;
