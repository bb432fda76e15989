import { safeDownloadName, uniqueName } from '@coffre/docs';

/**
 * The name an entry titled `title` gets inside one folder of an archive:
 * one safe path segment (never "." or "..", no separator, nothing Windows
 * refuses) that no name in `taken` matches once case is folded, as the
 * file system it is unpacked onto may fold it. Adds it to `taken`.
 */
export function zipPathSegment(taken: Set<string>, title: string): string {
  const name = safeDownloadName(uniqueName(taken, safeDownloadName(title)));
  taken.add(name);
  return name;
}
