/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/**
 * A content line folded into lines of at most 75 UTF-8 bytes, each after the
 * first starting with a space, never inside a character's bytes (a split
 * character is what breaks strict readers on emoji and accents) nor inside an
 * escape such as `\n` (which lax readers unescape before unfolding).
 */
export function foldIcsLine(line: string): string {
  let out = '';
  let width = 0;
  const chars = [...line];
  for (let i = 0; i < chars.length; i++) {
    const unit = chars[i] === '\\' && i + 1 < chars.length ? chars[i] + chars[++i]! : chars[i]!;
    const bytes = utf8Length(unit);
    if (width + bytes > MAX_LINE_OCTETS) {
      out += '\r\n ';
      width = 1;
    }
    out += unit;
    width += bytes;
  }
  return out;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
