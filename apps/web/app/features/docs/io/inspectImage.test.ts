import { describe, expect, it } from 'vitest';
import { inspectImage } from './inspectImage.ts';
import { buildPng } from './testing/buildPng.ts';

const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const le16 = (n: number) => [n & 0xff, n >> 8];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, n >> 16];

describe('inspectImage', () => {
  it('reads PNG type and size from IHDR', () => {
    expect(inspectImage(buildPng({ width: 640, height: 2 }))).toEqual({ mime: 'image/png', width: 640, height: 2 });
  });

  it('reads GIF type and size from the logical screen', () => {
    expect(inspectImage(bytes('GIF89a', le16(300), le16(20), [0, 0, 0]))).toEqual({ mime: 'image/gif', width: 300, height: 20 });
  });

  it('finds the JPEG frame size after other segments', () => {
    const app0 = [0xff, 0xe0, 0, 16, ...Array<number>(14).fill(0)];
    const sof2 = [0xff, 0xc2, 0, 17, 8, 0x01, 0x2c, 0x02, 0x58, 3, ...Array<number>(9).fill(0)]; // 600 wide, 300 high
    const dht = [0xff, 0xc4, 0, 4, 0, 0];
    expect(inspectImage(bytes([0xff, 0xd8], app0, dht, sof2))).toEqual({ mime: 'image/jpeg', width: 600, height: 300 });
  });

  it('reads lossy, lossless and extended WebP', () => {
    const riff = (chunk: string, body: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [0, 0, 0, 0], body);
    expect(inspectImage(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(320), ...le16(240), 0, 0]))).toEqual({ mime: 'image/webp', width: 320, height: 240 });
    const bits = (100 - 1) | ((50 - 1) << 14);
    expect(inspectImage(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24, 0, 0, 0, 0]))).toEqual({ mime: 'image/webp', width: 100, height: 50 });
    expect(inspectImage(riff('VP8X', [0, 0, 0, 0, ...le24(1919), ...le24(1079), 0]))).toEqual({ mime: 'image/webp', width: 1920, height: 1080 });
  });

  it('refuses SVG, HTML, empty and truncated headers', () => {
    expect(inspectImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(inspectImage(bytes('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(inspectImage(new Uint8Array())).toBeNull();
    expect(inspectImage(buildPng().subarray(0, 20))).toBeNull();
    expect(inspectImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 200]))).toBeNull();
    expect(inspectImage(bytes('GIF89a', le16(0), le16(20)))).toBeNull();
    expect(inspectImage(bytes('RIFF', [0, 0, 0, 0], 'WEBP', 'VP8X', [0, 0]))).toBeNull();
  });
});
