// SVG is left out on purpose: it is script, and stays an icon (see kindOfMime).
const SOURCE_MIMES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** Decoding a bigger picture takes too long for an icon-sized result. */
const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const MAX_EDGE_PX = 256;
const JPEG_QUALITY = 0.7;
/** Each thumbnail rides in the folder document that every member syncs. */
const MAX_THUMBNAIL_BYTES = 24 * 1024;

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * A small JPEG of an uploaded picture, as base64, to keep in the file's
 * (encrypted) folder entry; made here, so the server never sees it. Null
 * when the file is not a picture we thumbnail, cannot be decoded, or the
 * result is too big. Never throws.
 */
export async function makeThumbnail(file: Blob): Promise<string | null> {
  if (!SOURCE_MIMES.has(file.type) || file.size > MAX_SOURCE_BYTES) return null;
  let bitmap: ImageBitmap | null = null;
  try {
    bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE_PX / Math.max(bitmap.width, bitmap.height));
    const jpeg = await encodeJpeg(bitmap, Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    if (!jpeg || jpeg.type !== 'image/jpeg' || jpeg.size > MAX_THUMBNAIL_BYTES) return null;
    return toBase64(new Uint8Array(await jpeg.arrayBuffer()));
  } catch {
    return null;
  } finally {
    bitmap?.close();
  }
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    draw(ctx, bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  draw(ctx, bitmap, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

function draw(ctx: Context2D, bitmap: ImageBitmap, width: number, height: number): void {
  // JPEG has no transparency: without a background, transparent pixels turn black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  // In slices: spreading a whole array into fromCharCode can overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
