/** Message ids: 128 random bits, base64url, always this long, so slot keys parse by position. */
export const MESSAGE_ID_CHARS = 22;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function newMessageId(): string {
  let s = '';
  for (const b of crypto.getRandomValues(new Uint8Array(MESSAGE_ID_CHARS))) s += ALPHABET[b & 63];
  return s;
}

export const isMessageId = (v: unknown): v is string => typeof v === 'string' && v.length === MESSAGE_ID_CHARS && /^[A-Za-z0-9_-]+$/.test(v);

/** Where each record lives in the records map. Every slot is written once by an honest client (a reaction by its author only). */
export const chatSlots = {
  message: (id: string) => `m:${id}`,
  edit: (id: string, n: number) => `e:${id}:${n}`,
  reaction: (id: string, authorId: string, emoji: string) => `r:${id}:${authorId}:${emoji}`,
};

/** The message a slot belongs to and what it is, for the indexes; null for anything else. */
export function parseSlot(slot: string): { kind: 'message' | 'edit' | 'reaction'; messageId: string; n?: number } | null {
  const kind = slot[0] === 'm' ? 'message' : slot[0] === 'e' ? 'edit' : slot[0] === 'r' ? 'reaction' : null;
  if (!kind || slot[1] !== ':') return null;
  const messageId = slot.slice(2, 2 + MESSAGE_ID_CHARS);
  if (!isMessageId(messageId)) return null;
  if (kind === 'message') return slot.length === 2 + MESSAGE_ID_CHARS ? { kind, messageId } : null;
  if (slot[2 + MESSAGE_ID_CHARS] !== ':') return null;
  if (kind === 'edit') {
    const n = Number(slot.slice(3 + MESSAGE_ID_CHARS));
    return Number.isSafeInteger(n) && n >= 1 ? { kind, messageId, n } : null;
  }
  return { kind, messageId };
}
