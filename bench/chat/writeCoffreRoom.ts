import type { SymmetricKey } from '@coffre/crypto';
import { ChatRoom, EncryptedDocSession, type ChatAuthorKeys } from '@coffre/docs';
import * as Y from 'yjs';
import type { ChatScript } from './buildChatScript.ts';
import type { ChatPerson } from './chatPerson.ts';

export type WrittenRoom = {
  /** The sealed snapshot, as the writer's session builds it for compaction. */
  snapshot: Uint8Array;
  /** The plaintext V2 state inside it (for the breakdown only). */
  state: Uint8Array;
  /** Message ids by posting index. */
  ids: string[];
  /** Update envelopes the writer sealed before the snapshot. */
  envelopes: number;
};

/**
 * Plays the script through ChatRoom.post / edit / react on the plaintext doc
 * of a writer's EncryptedDocSession, seals the edits into envelopes, then
 * builds the snapshot of the whole room the way compaction does
 * (`buildSnapshot`: padded V2 state, AEAD under the room key, device signature).
 * @throws Error when the session has nothing to snapshot
 */
export function writeCoffreRoom(script: ChatScript, o: { docId: string; roomId: string; key: SymmetricKey; people: readonly ChatPerson[]; keys: ChatAuthorKeys }): WrittenRoom {
  const session = new EncryptedDocSession({ docId: o.docId, keys: { current: { epoch: 1, key: o.key } }, identity: o.people[0]!.identity });
  const room = new ChatRoom(session.doc, { roomId: o.roomId, keys: o.keys });
  const ids: string[] = [];
  for (const a of script.actions) {
    const who = o.people[a.author]!;
    if (a.kind === 'post') ids.push(room.post(who, { text: a.text, replyTo: a.replyTo === null ? null : ids[a.replyTo]!, mentions: a.mentions }, a.ts));
    else if (a.kind === 'edit') room.edit(who, ids[a.message]!, a.text, a.ts);
    else room.react(who, ids[a.message]!, a.emoji, a.on, a.ts);
  }
  session.flush();
  const envelopes = session.envelope.getArray<Uint8Array>('log').length;
  const snapshot = session.buildSnapshot();
  if (!snapshot) throw new Error('the writer built no snapshot');
  const state = Y.encodeStateAsUpdateV2(session.doc);
  session.destroy();
  return { snapshot, state, ids, envelopes };
}
