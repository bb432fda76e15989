import { DocError } from './DocError.ts';

/** Big-endian reader; every overrun is ENVELOPE_MALFORMED, never an exception of another kind. */
export class ByteReader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new DocError('ENVELOPE_MALFORMED', 'truncated');
  }
  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }
  u32(): number {
    this.need(4);
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  }
  u64(): number {
    const hi = this.u32();
    const lo = this.u32();
    const v = hi * 2 ** 32 + lo;
    if (!Number.isSafeInteger(v)) throw new DocError('ENVELOPE_MALFORMED', 'u64 out of range');
    return v;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  shortBytes(): Uint8Array {
    return this.bytes(this.u8());
  }
  get remaining(): number {
    return this.buf.length - this.pos;
  }
}
