import type { ImageMime } from './imageLimits.ts';

export type ImageInfo = { mime: ImageMime; width: number; height: number };

/**
 * The type and pixel size of a PNG, JPEG, GIF or WebP image, read from its
 * own header rather than from a file name or a node attribute. Null for
 * anything else (SVG included) or a header too damaged to measure.
 */
export function inspectImage(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
  const sized = (mime: ImageMime, width: number, height: number): ImageInfo | null => (width > 0 && height > 0 ? { mime, width, height } : null);
  try {
    if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a && ascii(12, 4) === 'IHDR') {
      return sized('image/png', view.getUint32(16), view.getUint32(20));
    }
    if (bytes.length >= 10 && /^GIF8[79]a$/.test(ascii(0, 6))) return sized('image/gif', view.getUint16(6, true), view.getUint16(8, true));
    if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegSize(view);
    if (bytes.length >= 16 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return webpSize(view, ascii(12, 4));
  } catch (e) {
    if (e instanceof RangeError) return null; // a header cut short
    throw e;
  }
  return null;
}

/** Walks the marker segments to the first start-of-frame, which holds the size. */
function jpegSize(view: DataView): ImageInfo | null {
  for (let at = 2; at + 9 < view.byteLength; ) {
    if (view.getUint8(at) !== 0xff) return null;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      return width > 0 && height > 0 ? { mime: 'image/jpeg', width, height } : null;
    }
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

function webpSize(view: DataView, chunk: string): ImageInfo | null {
  let width = 0;
  let height = 0;
  if (chunk === 'VP8 ') {
    width = view.getUint16(26, true) & 0x3fff;
    height = view.getUint16(28, true) & 0x3fff;
  } else if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X') {
    width = (view.getUint32(24, true) & 0xffffff) + 1;
    height = (view.getUint32(27, true) & 0xffffff) + 1;
  }
  return width > 0 && height > 0 ? { mime: 'image/webp', width, height } : null;
}
