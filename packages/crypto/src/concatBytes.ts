import { assertInitialised } from './assertInitialised.ts';

/** One new array holding the parts in order. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  assertInitialised();
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
