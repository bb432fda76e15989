/** Big-endian writer for the envelope header. */
export class ByteWriter {
  private parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }
  u32(v: number): this {
    return this.u8(v >>> 24).u8(v >>> 16).u8(v >>> 8).u8(v);
  }
  u64(v: number): this {
    return this.u32(Math.floor(v / 2 ** 32)).u32(v >>> 0);
  }
  bytes(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }
  shortBytes(b: Uint8Array): this {
    if (b.length > 255) throw new RangeError('field too long');
    return this.u8(b.length).bytes(b);
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}
