import { IMAGE_LIMITS, type ImageMime } from '../io/imageLimits.ts';
import { inspectImage } from '../io/inspectImage.ts';

/** Header bytes `inspectImage` needs to type and measure any accepted image (JPEG may need more, see below). */
const HEADER_BYTES = 64 * 1024;

/**
 * Whether `file` may go into a document, judged by its size and its own
 * header (the name and the browser's type can lie): the type to store, or a
 * message for the person who picked it.
 */
export async function checkImageFile(file: Blob & { name?: string }): Promise<{ ok: true; mime: ImageMime } | { ok: false; message: string }> {
  const name = file.name || 'This image';
  if (file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name ?? '')) {
    return { ok: false, message: `${name} is an SVG. SVG images can carry scripts, so documents take PNG, JPEG, GIF or WebP only.` };
  }
  if (file.size > IMAGE_LIMITS.MAX_BYTES) {
    return { ok: false, message: `${name} is larger than ${IMAGE_LIMITS.MAX_BYTES / 1024 / 1024} MB, the limit for an image in a document.` };
  }
  // A JPEG's size sits after its metadata, which can be large; read the whole (bounded) file then.
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  let info = inspectImage(head);
  if (!info && head[0] === 0xff && head[1] === 0xd8) info = inspectImage(new Uint8Array(await file.arrayBuffer()));
  if (!info) return { ok: false, message: `${name} is not a PNG, JPEG, GIF or WebP image Coffre can read.` };
  return { ok: true, mime: info.mime };
}
