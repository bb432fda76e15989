/** Sizes and cost floors of this package, with units in the names. */

/** Plaintext bytes per file chunk (4 MiB); only the final chunk may be shorter. */
export const FILE_CHUNK_SIZE = 4 * 1024 * 1024;

/** Bytes of a file version's plaintext digest (BLAKE2b-256, `createFileDigest`). */
export const FILE_DIGEST_BYTES = 32;

/** Argon2id floor for link passwords: 3 passes (libsodium OPSLIMIT_MODERATE). */
export const LINK_ARGON2_OPSLIMIT = 3;
/** Argon2id floor for link passwords: 64 MiB (RFC 9106 second recommended option). */
export const LINK_ARGON2_MEMLIMIT = 64 * 1024 * 1024;
/** Ceiling on server-supplied Argon2id memory, so a hostile server cannot exhaust the client (1 GiB). */
export const LINK_ARGON2_MEMLIMIT_MAX = 1024 * 1024 * 1024;
/** Ceiling on server-supplied Argon2id passes. */
export const LINK_ARGON2_OPSLIMIT_MAX = 32;
/** Salt bytes for link passwords (crypto_pwhash_SALTBYTES). */
export const LINK_SALT_BYTES = 16;

/** Ceiling on a shared item's name inside a grant, in UTF-8 bytes. */
export const MAX_GRANT_ITEM_NAME_BYTES = 1024;
