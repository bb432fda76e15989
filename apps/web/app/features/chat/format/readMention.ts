import { isWordChar } from './isWordChar.ts';

/**
 * Reads `@name` at `start` when `name` is a member. A trailing `.`, `_` or `-` may end the
 * sentence rather than the name, so those are tried off one by one; names are otherwise
 * matched whole (`@bobby` is not `@bob`). An `@` after a letter or digit is an email.
 */
export function readMention(line: string, start: number, members: ReadonlySet<string>, longest: number): { end: number; username: string } | null {
  if (isWordChar(line[start - 1]) || line[start - 1] === '@') return null;
  const nameStart = start + 1;
  let runEnd = nameStart;
  while (runEnd < line.length && isNameChar(line.charCodeAt(runEnd))) runEnd++;
  if (runEnd < line.length && isWordChar(line[runEnd])) return null;
  for (let end = runEnd; end > nameStart; end--) {
    if (end - nameStart <= longest) {
      const username = line.slice(nameStart, end).toLowerCase();
      if (members.has(username)) return { end, username };
    }
    if (!'._-'.includes(line[end - 1]!)) break;
  }
  return null;
}

/** `[a-z0-9._-]`, either case. */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46 || code === 95 || code === 45;
}
