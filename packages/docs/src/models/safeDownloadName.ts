import { FALLBACK_ENTRY_NAME, cleanEntryName } from './cleanEntryName.ts';
import { MAX_ENTRY_NAME_LENGTH, fitEntryName } from './fitEntryName.ts';
import { splitExtension } from './splitExtension.ts';

// Characters Windows refuses in a file name.
const WINDOWS_RESERVED = /[<>:"|?*]/g;
// Device names Windows resolves whatever the extension ("nul.txt" is NUL).
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:[. ].*)?$/i;
const DOTS_ONLY = /^\.+$/;
// Windows drops them, which can turn "x." into another existing "x".
const TRAILING_DOTS_SPACES = /[. ]+$/;

/**
 * A file name to save a download or an archive member under: `cleanEntryName`,
 * and also never "." or ".." (nor any dots-only name), no trailing dots or
 * spaces, no character or device name Windows reserves. Since separators are
 * already gone, the result can only name a file inside the chosen directory.
 */
export function safeDownloadName(name: string): string {
  let n = cleanEntryName(name).replace(WINDOWS_RESERVED, '_');
  if (DOTS_ONLY.test(n)) n = n.replace(/\./g, '_');
  if (WINDOWS_DEVICE.test(n)) n = `_${n}`;
  if (n.length > MAX_ENTRY_NAME_LENGTH) {
    const { stem, ext } = splitExtension(n);
    n = fitEntryName(stem, ext);
  }
  return n.replace(TRAILING_DOTS_SPACES, '') || FALLBACK_ENTRY_NAME;
}
