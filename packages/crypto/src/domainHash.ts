import { assertInitialised } from './assertInitialised.ts';
import { blake2b256 } from './blake2b256.ts';
import type { Domain } from './contexts.ts';
import { utf8Encode } from './utf8Encode.ts';

const domainKeys = new Map<Domain, Uint8Array>();

/** BLAKE2b-256 of `data`, keyed by the domain so hashes for one purpose never equal another's. */
export function domainHash(domain: Domain, data: Uint8Array): Uint8Array {
  assertInitialised();
  let key = domainKeys.get(domain);
  if (!key) {
    key = blake2b256(utf8Encode(domain));
    domainKeys.set(domain, key);
  }
  return blake2b256(data, key);
}
