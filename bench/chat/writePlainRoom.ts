import * as Y from 'yjs';

/** A message as a plain, unsigned, unencrypted Yjs chat keeps it. */
export type PlainChatMessage = { id: string; author: string; ts: number; text: string };

export const PLAIN_MESSAGES = 'messages';

/** The messages in a plain Y.Doc (a Y.Array of JSON objects, one transaction per message, as a chat posts them), as one V2 update. */
export function writePlainRoom(messages: readonly PlainChatMessage[]): Uint8Array {
  const doc = new Y.Doc();
  const list = doc.getArray<PlainChatMessage>(PLAIN_MESSAGES);
  for (const m of messages) doc.transact(() => list.push([{ ...m }]));
  const update = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return update;
}
