import { getSodium } from './getSodium.ts';

/** Equality whose time depends only on the lengths (sodium_memcmp). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const sodium = getSodium();
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  return sodium.memcmp(a, b);
}
