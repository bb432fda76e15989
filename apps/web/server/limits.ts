/** Every server-side limit, with its unit in the name. */
export const LIMITS = {
  MAX_JSON_BODY_BYTES: 64 * 1024,
  LOGIN_ATTEMPTS_PER_ACCOUNT: 10,
  LOGIN_ATTEMPTS_PER_ADDRESS: 50,
  LOGIN_WINDOW_MS: 15 * 60 * 1000,
  REGISTRATION_WINDOW_MS: 60 * 60 * 1000,
  RECOVERY_ATTEMPTS_PER_ACCOUNT: 5,
  PENDING_LOGIN_TTL_MS: 2 * 60 * 1000,
  RECENT_AUTH_TTL_MS: 5 * 60 * 1000,
  SESSION_IDLE_MS: 7 * 24 * 60 * 60 * 1000,
  SESSION_TOKEN_BYTES: 32,
  /** One sealed file chunk: 4 MiB of plaintext plus the AEAD overhead, with slack for format growth. */
  MAX_SEALED_CHUNK_BYTES: 4 * 1024 * 1024 + 4096,
  /** Chunks per file version: 2^20 × 4 MiB = 4 TiB. */
  MAX_CHUNKS_PER_VERSION: 1 << 20,
  /** An upload untouched this long is abandoned: its space is given back. */
  ABANDONED_UPLOAD_MS: 7 * 24 * 60 * 60 * 1000,
  /** Wrong link passwords: per address and link, and per link from everywhere, per window. */
  LINK_PASSWORD_ATTEMPTS_PER_ADDRESS: 10,
  LINK_PASSWORD_ATTEMPTS_PER_LINK: 100,
  LINK_OPENS_PER_ADDRESS: 60,
  LINK_LOOKUPS_PER_ADDRESS: 300,
  LINK_PASSWORD_WINDOW_MS: 15 * 60 * 1000,
  /** Folders and documents a guest may create through one edit link, per link-password window: bounds what an abused link costs the owner. */
  LINK_CREATES_PER_LINK: 200,
  /** Files a guest may start through one edit link, per window (a folder tree is many); the owner's quota bounds the bytes. */
  LINK_UPLOADS_PER_LINK: 1000,
} as const;
