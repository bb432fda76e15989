const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random event id: 96 bits, so peers and imports never collide. Not secret (it becomes an export's UID). */
export function newEventId(): string {
  let s = '';
  for (const b of crypto.getRandomValues(new Uint8Array(16))) s += ALPHABET[b & 63];
  return s;
}
