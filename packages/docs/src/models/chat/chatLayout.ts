/** Where a room keeps its state inside its encrypted document (ADR 0011). */
export const CHAT_DOC = {
  /** Y.Map: record key → signed record bytes. Keys are never reused, so honest writers never overwrite. */
  records: 'chat:records',
  /** Y.Array of message ids, in the order they were posted (one order for everyone, as Yjs merges it). */
  order: 'chat:order',
  /** Y.Map in the *parent* document (folder, doc, sheet, calendar): the attached room's id, key and epoch. */
  attachedRoom: 'chat:room',
} as const;

export const CHAT_LIMITS = {
  MAX_MESSAGE_CHARS: 10_000,
  MAX_ATTACHMENTS: 10,
  MAX_ATTACHMENT_NAME_CHARS: 255,
  MAX_EMOJI_CHARS: 16,
  /** Edits (and the deletion) one message may have. */
  MAX_EDITS: 200,
  /** A signed record's bytes; larger ones are skipped unread. */
  MAX_RECORD_BYTES: 64 * 1024,
  /** Mentions one message may carry. */
  MAX_MENTIONS: 50,
} as const;
