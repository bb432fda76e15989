/**
 * Argon2id inside OPAQUE: "memory-constrained" = 64 MiB, t=3, p=4.
 * Why: "rfc-draft-recommended" needs 2 GiB and ~13 s, which fails in mobile
 * browsers and WebAssembly; 64 MiB/t=3 is RFC 9106's second recommended
 * option and equals our link-password floor. Registration and login must use
 * the same value, so it lives here once and is not configurable per call.
 */
export const OPAQUE_KEY_STRETCHING = 'memory-constrained' as const;
