/** What a chat record's signature covers (ADR 0011): where it lives, who wrote it, when, and what it says. */
export type ChatRecordFields = {
  roomId: string;
  /** The map key it is stored under, so a record verifies only in its own slot. */
  slot: string;
  kind: string;
  authorId: string;
  author: string;
  ts: number;
  /** The kind's body, JSON. */
  body: string;
};

export const CHAT_RECORD_SCHEMA = { roomId: 'string', slot: 'string', kind: 'string', authorId: 'string', author: 'string', ts: 'number', body: 'string' } as const;

export const CHAT_RECORD_SIGNATURE_BYTES = 64;
