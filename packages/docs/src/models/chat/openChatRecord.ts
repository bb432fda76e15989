import { readChatRecord } from '@coffre/crypto';
import type { ChatAuthorKeys, ChatRecordFields, ChatRecordKind } from './ChatRecord.ts';
import { CHAT_LIMITS } from './chatLayout.ts';

const KINDS: readonly ChatRecordKind[] = ['message', 'edit', 'reaction'];

/** `pending`: the author's key is not known yet; `rejected`: malformed, misplaced or not signed by its author. */
export type OpenedChatRecord = { status: 'ok'; fields: ChatRecordFields; body: unknown } | { status: 'pending'; authorId: string; author: string } | { status: 'rejected' };

/**
 * Checks a stored record against the room and slot it was read from and its
 * author's trusted key. Nothing about a record that fails is used, not even
 * who it claims to be from.
 */
export function openChatRecord(bytes: unknown, at: { roomId: string; slot: string }, keys: ChatAuthorKeys): OpenedChatRecord {
  if (!(bytes instanceof Uint8Array) || bytes.length > CHAT_LIMITS.MAX_RECORD_BYTES) return { status: 'rejected' };
  let record: ReturnType<typeof readChatRecord>;
  try {
    record = readChatRecord(bytes);
  } catch {
    return { status: 'rejected' };
  }
  const fields = record.claims as ChatRecordFields;
  if (fields.roomId !== at.roomId || fields.slot !== at.slot || !KINDS.includes(fields.kind)) return { status: 'rejected' };
  const key = keys.get(fields.authorId, fields.author);
  if (key === undefined) return { status: 'pending', authorId: fields.authorId, author: fields.author };
  if (key === null) return { status: 'rejected' };
  try {
    record.verify(key);
  } catch {
    return { status: 'rejected' };
  }
  let body: unknown;
  try {
    body = JSON.parse(fields.body);
  } catch {
    return { status: 'rejected' };
  }
  return { status: 'ok', fields, body };
}
