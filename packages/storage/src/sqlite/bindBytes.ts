/** A Buffer view (no copy) of caller bytes, for binding to a BLOB parameter. */
export function bindBytes(bytes: Uint8Array): Buffer {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('expected a Uint8Array');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
