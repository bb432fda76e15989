import { isGuestAuthor } from '@coffre/docs';

const key = (userId: string, roomId: string) => `coffre:chat-read:${userId}:${roomId}`;
const listeners = new Set<() => void>();
/** A link's visitor keeps nothing on the device (ADR 0013): their marks live as long as the page. */
const visitorMarks = new Map<string, string>();

/** The last message I have seen in a room, on this device (ids are not secret; the text never is stored here). */
export function lastRead(userId: string, roomId: string): string | null {
  if (isGuestAuthor(userId)) return visitorMarks.get(key(userId, roomId)) ?? null;
  try {
    return localStorage.getItem(key(userId, roomId));
  } catch {
    return null;
  }
}

export function markRead(userId: string, roomId: string, messageId: string): void {
  if (lastRead(userId, roomId) === messageId) return;
  try {
    if (isGuestAuthor(userId)) visitorMarks.set(key(userId, roomId), messageId);
    else localStorage.setItem(key(userId, roomId), messageId);
  } catch {
    return;
  }
  for (const fn of listeners) fn();
}

/** Called when any room's read mark moves in this tab. */
export function onReadMarks(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
