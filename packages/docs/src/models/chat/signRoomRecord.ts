import { signChatRecord } from '@coffre/crypto';
import type { ChatRecordKind, ChatSigner } from './ChatRecord.ts';

/**
 * A record as it is stored: its fields bind the room, the map slot, the kind
 * and the author, so it verifies only where it was written, as what it was
 * written, by whom it says.
 */
export function signRoomRecord(signer: ChatSigner, at: { roomId: string; slot: string; kind: ChatRecordKind; ts: number }, body: object): Uint8Array {
  return signChatRecord(signer.signingSecretKey, {
    roomId: at.roomId,
    slot: at.slot,
    kind: at.kind,
    authorId: signer.userId,
    author: signer.username,
    ts: Math.max(0, Math.floor(at.ts)),
    body: JSON.stringify(body),
  });
}
