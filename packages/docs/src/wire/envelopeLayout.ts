/** Names and limits of the envelope document, shared by clients and the server guard. */
export const ENVELOPE = {
  /** Version 2 adds the write certificate (ADR 0016); version 1 is still read (documents written before write keys). */
  VERSION: 2,
  /** Envelopes and snapshots written before write keys: no write certificate. */
  VERSION_WITHOUT_WRITE_CERT: 1,
  KIND_UPDATE: 1,
  /** The whole document state; sent to the server as a stateless message, stored as a blob. */
  KIND_SNAPSHOT: 2,
  /** Presence (cursors, names): never stored, carried in Hocuspocus awareness. */
  KIND_AWARENESS: 3,
  /** The only root type clients may write: an append-only array of envelopes. */
  LOG: 'log',
  /** Written by the server only. */
  META: 'meta',
  KEY_BYTES: 32,
  SIGNATURE_BYTES: 64,
  HASH_BYTES: 32,
  MAX_ID_BYTES: 64,
  /** One envelope, ciphertext and header included. */
  MAX_ENVELOPE_BYTES: 2 * 1024 * 1024 + 4096,
  /**
   * One change (a Yjs transaction, plaintext): a larger one is sent as
   * consecutive envelopes of one device and applied whole. Kept so that a
   * document holding it still fits one snapshot (MAX_SNAPSHOT_BYTES).
   */
  MAX_CHANGE_BYTES: 4 * 1024 * 1024,
  /** One WebSocket message as received by the collab server. */
  MAX_MESSAGE_BYTES: 8 * 1024 * 1024,
} as const;

export const ZERO_HASH = new Uint8Array(ENVELOPE.HASH_BYTES);
