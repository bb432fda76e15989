import * as Y from 'yjs';
import { CHAT_DOC } from './chatLayout.ts';

/** The chat that belongs to a folder or document: its id and current key, kept inside that item's encrypted document. */
export type AttachedRoom = {
  roomId: string;
  key: string;
  epoch: number;
  /** The room's public write key, and its write key wrapped under the item's (ADR 0016); absent for rooms made before write keys. */
  writer?: string;
  writeKey?: string;
};

const ROOM = 'room';

/**
 * The room attached to this item, or null. Written as one value, so two
 * members creating it at once end up agreeing on one id and one key.
 */
export function readAttachedRoom(doc: Y.Doc): AttachedRoom | null {
  const raw = doc.getMap<unknown>(CHAT_DOC.attachedRoom).get(ROOM);
  if (typeof raw !== 'string') return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (typeof v.roomId !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(v.roomId)) return null;
    if (typeof v.key !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(v.key)) return null;
    if (typeof v.epoch !== 'number' || !Number.isSafeInteger(v.epoch) || v.epoch < 1) return null;
    if (v.writer !== undefined && (typeof v.writer !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(v.writer))) return null;
    if (v.writeKey !== undefined && (v.writer === undefined || typeof v.writeKey !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(v.writeKey))) return null;
    return { roomId: v.roomId, key: v.key, epoch: v.epoch, ...(v.writer !== undefined && { writer: v.writer as string }), ...(v.writeKey !== undefined && { writeKey: v.writeKey as string }) };
  } catch {
    return null;
  }
}

/** Records the attached room (a new one, or the same room under a new key after a rotation). */
export function writeAttachedRoom(doc: Y.Doc, room: AttachedRoom): void {
  const { roomId, key, epoch, writer, writeKey } = room;
  doc.getMap<unknown>(CHAT_DOC.attachedRoom).set(ROOM, JSON.stringify({ roomId, key, epoch, writer, writeKey }));
}

/** Calls `fn` whenever the attached room record changes. */
export function observeAttachedRoom(doc: Y.Doc, fn: (room: AttachedRoom | null) => void): () => void {
  const map = doc.getMap<unknown>(CHAT_DOC.attachedRoom);
  const handler = () => fn(readAttachedRoom(doc));
  map.observe(handler);
  return () => map.unobserve(handler);
}

/** Drops the record of the attached room (in a copy of an item: the copy gets a chat of its own). */
export function forgetAttachedRoom(doc: Y.Doc): void {
  doc.getMap<unknown>(CHAT_DOC.attachedRoom).delete(ROOM);
}
