import { getSodium } from './getSodium.ts';

/** Lower-case hex (constant-time encoder). */
export function toHex(bytes: Uint8Array): string {
  return getSodium().to_hex(bytes);
}
