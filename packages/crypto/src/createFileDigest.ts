import { assertInitialised } from './assertInitialised.ts';
import { blake2b256 } from './blake2b256.ts';
import { CryptoError } from './CryptoError.ts';
import { DOMAINS } from './contexts.ts';
import { getSodium } from './getSodium.ts';
import { FILE_DIGEST_BYTES } from './limits.ts';
import { utf8Encode } from './utf8Encode.ts';

/** A running hash of one file version's plaintext. */
export type FileDigest = {
  /** Adds the next bytes, in file order. @throws CryptoError('MALFORMED') after `digest()` */
  update(bytes: Uint8Array): void;
  /** The 32-byte digest; the hash cannot be used after. @throws CryptoError('MALFORMED') when called twice */
  digest(): Uint8Array;
};

let digestKey: Uint8Array | null = null;

/**
 * BLAKE2b-256 of a file's plaintext, keyed by the `coffre/file-digest/v1`
 * domain (the same keying as `domainHash`, so the whole-file digest equals
 * `domainHash(DOMAINS.fileDigest, plaintext)`), fed piece by piece so a file
 * of any size is hashed in bounded memory. Where the pieces split does not
 * change the digest. The digest is stored in the version's signed, encrypted
 * record and compared at download (ADR 0015).
 * @throws CryptoError('NOT_INITIALISED')
 */
export function createFileDigest(): FileDigest {
  assertInitialised();
  const sodium = getSodium();
  digestKey ??= blake2b256(utf8Encode(DOMAINS.fileDigest));
  // libsodium keeps the state in its own heap until `final` frees it.
  const state = sodium.crypto_generichash_init(digestKey, FILE_DIGEST_BYTES);
  let finished = false;
  return {
    update(bytes) {
      if (finished) throw new CryptoError('MALFORMED', 'digest already finished');
      sodium.crypto_generichash_update(state, bytes);
    },
    digest() {
      if (finished) throw new CryptoError('MALFORMED', 'digest already finished');
      finished = true;
      return sodium.crypto_generichash_final(state, FILE_DIGEST_BYTES);
    },
  };
}
