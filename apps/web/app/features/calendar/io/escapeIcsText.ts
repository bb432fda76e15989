/**
 * Text as an RFC 5545 TEXT value: backslash, semicolon, comma and line
 * breaks escaped. Other control characters are dropped; TEXT cannot hold them.
 */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`));
}
