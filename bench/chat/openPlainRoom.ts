import * as Y from 'yjs';
import { PLAIN_MESSAGES, type PlainChatMessage } from './writePlainRoom.ts';

/** Baseline open: the plain update into a fresh Y.Doc, then the latest `limit` messages read out as plain objects. */
export function openPlainRoom(update: Uint8Array, limit: number): { doc: Y.Doc; messages: PlainChatMessage[] } {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, update);
  const list = doc.getArray<PlainChatMessage>(PLAIN_MESSAGES);
  const messages = list.slice(Math.max(0, list.length - limit)).map(({ id, author, ts, text }) => ({ id, author, ts, text }));
  return { doc, messages };
}
