import type { Identity, SymmetricKey } from '@coffre/crypto';
import { ChatRoom, EncryptedDocSession, type ChatAuthorKeys, type ChatPage, type IntegrityEvent } from '@coffre/docs';

export type OpenedRoom = {
  session: EncryptedDocSession;
  room: ChatRoom;
  page: ChatPage | null;
  errors: IntegrityEvent[];
  /** ms: new session + receiveSnapshot (decode, verify, decrypt, apply), ChatRoom constructor, page. */
  snapshotMs: number;
  roomMs: number;
  pageMs: number;
};

/**
 * What a new device does to show a room: a fresh session verifies, decrypts
 * and applies the room's snapshot, a ChatRoom indexes the doc, and (unless
 * `limit` is null) the latest `limit` messages are read, each one's signature
 * and those of its edits and reactions checked.
 */
export function openCoffreRoom(
  snapshot: Uint8Array,
  o: { docId: string; roomId: string; key: SymmetricKey; identity: Identity; keys: ChatAuthorKeys; limit: number | null },
): OpenedRoom {
  const t0 = performance.now();
  const session = new EncryptedDocSession({ docId: o.docId, keys: { current: { epoch: 1, key: o.key } }, identity: o.identity });
  const errors: IntegrityEvent[] = [];
  session.onIntegrityError((e) => errors.push(e));
  session.receiveSnapshot(snapshot);
  const t1 = performance.now();
  const room = new ChatRoom(session.doc, { roomId: o.roomId, keys: o.keys });
  const t2 = performance.now();
  const page = o.limit === null ? null : room.page({ limit: o.limit });
  const t3 = performance.now();
  return { session, room, page, errors, snapshotMs: t1 - t0, roomMs: t2 - t1, pageMs: t3 - t2 };
}
