/** Longest entry name, in UTF-16 code units: what common file systems accept. */
export const MAX_ENTRY_NAME_LENGTH = 255;

/**
 * `stem + tail`, with `stem` shortened so the whole fits in `max` code units.
 * Never splits a surrogate pair; trailing whitespace of the shortened stem goes.
 */
export function fitEntryName(stem: string, tail: string, max = MAX_ENTRY_NAME_LENGTH): string {
  if (stem.length + tail.length <= max) return stem + tail;
  let end = Math.max(0, max - tail.length);
  const last = stem.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return stem.slice(0, end).trimEnd() + tail;
}
