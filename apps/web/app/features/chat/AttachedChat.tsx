import { useEffect, useState } from 'react';
import { generateSymmetricKey, randomBytes, toBase64Url } from '@coffre/crypto';
import { newEntryWriteKey, observeAttachedRoom, readAttachedRoom, writeAttachedRoom, type AttachedRoom } from '@coffre/docs';
import { apiFetch } from '../../api/apiFetch.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { entryWriteKeys, writeKeyOf } from '../../keys/writeKeys.client.ts';
import { useMemberSeat } from './chatSeat.ts';
import { RoomView } from './RoomView.tsx';

type Props = { parent: OpenDoc; parentId: string; account: UnlockedAccount; collabUrl: string; readOnly: boolean; title: string; onClose(): void };

/**
 * The chat of a folder or document, in a side panel. The room is a document
 * filed under the item on the server, so its members are the item's; its id
 * and key live inside the item's encrypted document. The first member who
 * opens the panel creates it.
 */
export function AttachedChat({ parent, parentId, account, collabUrl, readOnly, title, onClose }: Props) {
  const [room, setRoom] = useState<AttachedRoom | null>(() => readAttachedRoom(parent.session.doc));
  const [synced, setSynced] = useState(parent.connection.status === 'synced');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<OpenDoc | null>(null);

  useEffect(() => observeAttachedRoom(parent.session.doc, setRoom), [parent]);
  useEffect(() => parent.connection.onStatus((s) => s === 'synced' && setSynced(true)), [parent]);

  // Create only once the item's own state is in, so a room someone else made is found, not duplicated.
  useEffect(() => {
    if (room || !synced || readOnly) return;
    let cancelled = false;
    const roomId = toBase64Url(randomBytes(16));
    apiFetch('/docs', { docId: roomId, parentId }).then(
      () => {
        if (cancelled || readAttachedRoom(parent.session.doc)) return;
        // Its write key goes under the item's, so the item's writers can chat and its viewers only read (ADR 0016).
        const itemWriteKey = writeKeyOf(parent.session.docId);
        const write = itemWriteKey ? newEntryWriteKey(roomId, 1, itemWriteKey) : null;
        writeAttachedRoom(parent.session.doc, { roomId, key: toBase64Url(generateSymmetricKey()), epoch: 1, ...(write && { writer: write.writer, writeKey: write.writeKey }) });
        parent.session.flush();
      },
      (e) => !cancelled && setError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [room, synced, readOnly, parent, parentId]);

  useEffect(() => {
    if (!room) return;
    const write = entryWriteKeys({ id: room.roomId, epoch: room.epoch, writer: room.writer, writeKey: room.writeKey }, parent.session.docId);
    const handle = openEncryptedDoc({ account, docId: room.roomId, key: room.key, epoch: room.epoch, collabUrl, canWrite: !readOnly, ...write });
    setOpen(handle);
    return () => handle.close();
  }, [room?.roomId, room?.key, room?.epoch, room?.writer, room?.writeKey, account, collabUrl, readOnly, parent]);

  return (
    <aside className="chat-panel" aria-label="Chat panel">
      <button type="button" className="ghost chat-panel-close" aria-label="Close chat" onClick={onClose}>×</button>
      {error ? (
        <p role="alert" className="error">The chat could not be started: {error}</p>
      ) : room && open ? (
        <AttachedRoomView key={`${room.roomId}:${room.epoch}`} open={open} roomId={room.roomId} account={account} readOnly={readOnly} membersOf={parentId} title={`Chat · ${title}`} />
      ) : readOnly && synced ? (
        <p className="muted">No one has started a chat here yet. Someone who can edit has to open it first.</p>
      ) : (
        <p className="muted">Opening the chat…</p>
      )}
    </aside>
  );
}

/** The header button that opens an item's chat panel. */
export function ChatToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <button type="button" className="secondary" aria-pressed={open} onClick={onToggle}>
      Chat
    </button>
  );
}

function AttachedRoomView({ account, membersOf, ...rest }: { open: OpenDoc; roomId: string; account: UnlockedAccount; readOnly: boolean; membersOf: string; title: string }) {
  return <RoomView {...rest} seat={useMemberSeat(account, membersOf)} />;
}
