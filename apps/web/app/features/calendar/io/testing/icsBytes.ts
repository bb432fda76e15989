/** Test-only: ICS lines as the CRLF-terminated UTF-8 bytes of a file. */
export function icsBytes(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(lines.map((line) => `${line}\r\n`).join(''));
}
