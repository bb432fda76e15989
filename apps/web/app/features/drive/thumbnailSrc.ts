import { kindOfMime, type FolderEntry } from '@coffre/docs';

/** The most a stored thumbnail may decode to; ours stay under 24 KB (`makeThumbnail`), this leaves room for other clients. */
export const MAX_STORED_THUMBNAIL_BYTES = 32 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// FF D8 FF, how every JPEG starts, in base64.
const JPEG_START = '/9j/';

/**
 * A `data:` URL for the file's thumbnail, or null. Any member of the folder
 * may have written anything in that field, so only strict base64 of
 * something that starts like a JPEG and is small is let through. An entry
 * whose current version is not an image gets none: thumbnails are written
 * only with a file's first version, so after a new version of another
 * type the picture would be of something else.
 */
export function thumbnailSrc(entry: FolderEntry): string | null {
  if (entry.kind !== 'file' || typeof entry.thumbnail !== 'string') return null;
  if (kindOfMime(entry.mime, entry.title) !== 'image') return null;
  const t = entry.thumbnail;
  if (t.length === 0 || t.length % 4 !== 0 || !t.startsWith(JPEG_START) || !BASE64.test(t)) return null;
  const padding = t.endsWith('==') ? 2 : t.endsWith('=') ? 1 : 0;
  if ((t.length / 4) * 3 - padding > MAX_STORED_THUMBNAIL_BYTES) return null;
  return `data:image/jpeg;base64,${t}`;
}
