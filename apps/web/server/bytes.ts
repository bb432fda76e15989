import { z } from 'zod';

/** A base64url string on the wire, bounded, decoded to bytes at the edge. */
export function base64Bytes(maxBytes: number) {
  const maxChars = Math.ceil((maxBytes * 4) / 3) + 4;
  return z
    .string()
    .min(1)
    .max(maxChars)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url')
    .transform((s) => new Uint8Array(Buffer.from(s, 'base64url')));
}

export function toWire(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
