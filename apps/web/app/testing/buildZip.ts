import { deflateRawSync } from 'node:zlib';

export type ZipFile = string | Uint8Array | { deflated: Uint8Array; size: number; crc?: number; declaredSize?: number };

/**
 * Test-only: a zip of `files`, deflated unless `stored`, with real CRCs.
 * A `{ deflated, size }` file is written as given (for bombs built without
 * holding the unpacked bytes), claiming `declaredSize` if set; the option
 * `declaredSize` overrides every size the zip claims. Both make zips that lie.
 */
export function buildZip(files: Record<string, ZipFile>, options: { stored?: boolean; declaredSize?: number } = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, file] of Object.entries(files)) {
    const nameBytes = enc.encode(name);
    let data: Uint8Array;
    let size: number;
    let crc: number;
    let method = 8;
    let declared = options.declaredSize;
    if (typeof file === 'string' || file instanceof Uint8Array) {
      const raw = typeof file === 'string' ? enc.encode(file) : file;
      size = raw.byteLength;
      crc = crc32(raw);
      method = options.stored ? 0 : 8;
      data = options.stored ? raw : new Uint8Array(deflateRawSync(raw));
    } else {
      ({ deflated: data, size } = file);
      crc = file.crc ?? 0;
      declared ??= file.declaredSize;
    }
    declared ??= size;
    const local = new Uint8Array(30 + nameBytes.byteLength);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.byteLength, true);
    lv.setUint32(22, declared, true);
    lv.setUint16(26, nameBytes.byteLength, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.byteLength);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.byteLength, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, nameBytes.byteLength, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    parts.push(local, data);
    centrals.push(central);
    offset += local.byteLength + data.byteLength;
  }
  const directorySize = centrals.reduce((n, c) => n + c.byteLength, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...parts, ...centrals, eocd]) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * Test-only: deflate data for `mib` MiB of zeros without allocating them:
 * one compressed MiB, flushed to a byte boundary, repeated, then a final
 * empty block. About 1 KB per MiB.
 */
export function deflatedZeros(mib: number): { deflated: Uint8Array; size: number } {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const end = deflateRawSync(new Uint8Array(0));
  const out = new Uint8Array(block.byteLength * mib + end.byteLength);
  for (let i = 0; i < mib; i++) out.set(block, i * block.byteLength);
  out.set(end, block.byteLength * mib);
  return { deflated: out, size: mib * 1024 * 1024 };
}

let table: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
