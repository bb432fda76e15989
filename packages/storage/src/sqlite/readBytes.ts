/** A plain Uint8Array copy of a BLOB column, so callers never share memory with the driver. */
export function readBytes(value: Buffer): Uint8Array {
  return new Uint8Array(value);
}
