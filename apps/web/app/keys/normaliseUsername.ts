/** Same rule as the server: NFKC, trimmed, lower case. */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
