import { CALENDAR_LIMITS } from '@coffre/docs';

/**
 * `uid` as the event's id when the model keeps it as one (1–255 characters,
 * no control characters: the model's own rule, as the id is the UID an export
 * writes) and it is not `taken`, else a new random id (16 bytes, base64url,
 * as other ids in Coffre).
 */
export function safeEventId(uid: string | undefined, taken: ReadonlySet<string>): string {
  // eslint-disable-next-line no-control-regex
  if (uid && uid.length <= CALENDAR_LIMITS.MAX_ID_CHARS && !/[\u0000-\u001f\u007f]/.test(uid) && !taken.has(uid)) return uid;
  let id: string;
  do {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  } while (taken.has(id));
  return id;
}
