import { deflateSync } from 'node:zlib';

/**
 * Test-only: a valid RGB PNG of `width`×`height` in one colour, with an
 * optional tEXt chunk (so a test can hide a canary in the image bytes).
 */
export function buildPng(overrides: { width?: number; height?: number; text?: string; rgb?: [number, number, number] } = {}): Uint8Array {
  const { width = 4, height = 3, text, rgb = [200, 40, 40] } = overrides;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const chunks = [chunk('IHDR', ihdr)];
  if (text) chunks.push(chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')));
  chunks.push(chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))), chunk('IEND', Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]));
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
