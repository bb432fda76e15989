import { describe, expect, it } from 'vitest';
import { buildPng } from '../io/testing/buildPng.ts';
import { checkImageFile } from './checkImageFile.ts';

const file = (bytes: Uint8Array | string, name: string, type: string) => new File([bytes as BlobPart], name, { type });

describe('checkImageFile', () => {
  it('accepts a real image and types it by its header, not its name', async () => {
    expect(await checkImageFile(file(buildPng(), 'photo.png', 'image/png'))).toEqual({ ok: true, mime: 'image/png' });
    expect(await checkImageFile(file(buildPng(), 'photo.jpg', 'image/jpeg'))).toEqual({ ok: true, mime: 'image/png' });
  });

  it('refuses SVG, however it is named or typed', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    for (const f of [file(svg, 'logo.svg', 'image/svg+xml'), file(svg, 'logo.SVG', ''), file(svg, 'logo.png', 'image/png')]) {
      const checked = await checkImageFile(f);
      expect(checked.ok).toBe(false);
    }
    expect(await checkImageFile(file(svg, 'logo.svg', 'image/svg+xml'))).toEqual({ ok: false, message: expect.stringContaining('SVG images can carry scripts') });
    expect(await checkImageFile(file(svg, 'logo.png', 'image/png'))).toEqual({ ok: false, message: 'logo.png is not a PNG, JPEG, GIF or WebP image Coffre can read.' });
  });

  it('refuses images over 20 MB with the limit in the message', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(buildPng());
    expect(await checkImageFile(file(big, 'huge.png', 'image/png'))).toEqual({ ok: false, message: 'huge.png is larger than 20 MB, the limit for an image in a document.' });
  });

  it('measures a JPEG whose metadata is longer than the header it reads first', async () => {
    // Two 40 kB APP1 (EXIF) segments push the frame header past the first 64 KiB.
    const app1 = [0xff, 0xe1, 0x9c, 0x40, ...Array<number>(0x9c40 - 2).fill(0)];
    const sof0 = [0xff, 0xc0, 0, 17, 8, 0, 10, 0, 20, 3, ...Array<number>(9).fill(0)];
    const jpeg = new Uint8Array([0xff, 0xd8, ...app1, ...app1, ...sof0]);
    expect(jpeg.length).toBeGreaterThan(64 * 1024);
    expect(await checkImageFile(file(jpeg, 'big-exif.jpg', 'image/jpeg'))).toEqual({ ok: true, mime: 'image/jpeg' });
  });
});
