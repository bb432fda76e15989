import { useEffect, useMemo, useState } from 'react';
import type { ChatChange } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { PresenceList } from '../docs/PresenceList.tsx';
import { SyncBadge } from '../docs/SyncBadge.tsx';
import { useShownRoom } from './ChatInbox.tsx';
import type { ChatSeat } from './chatSeat.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { notifyMention } from './notifyMention.client.ts';
import { useChatRoom } from './useChatRoom.ts';
import { typingLine, useTyping } from './useTyping.ts';

type Props = {
  open: OpenDoc;
  roomId: string;
  seat: ChatSeat;
  readOnly: boolean;
  title: string;
  headerExtra?: React.ReactNode;
};

/** A room: its messages, who is here and typing, and the composer. */
export function RoomView({ open, roomId, seat, readOnly, title, headerExtra }: Props) {
  const { signer } = seat;
  const [replyTo, setReplyTo] = useState<string | null>(null);
  useShownRoom(roomId);
  const { room, version } = useChatRoom(open, roomId, seat.authors, (change: ChatChange) => {
    if (change.local || !seat.mentionable) return;
    for (const id of change.appended) {
      const m = room.message(id);
      if (m && m.authorId !== signer.userId && m.mentions.includes(signer.username)) notifyMention(title, m.author, m.text);
    }
  });
  const members = useMemo(() => {
    const names = new Set(seat.people);
    // The page the list shows first: already verified, so this costs no extra signature checks.
    for (const m of room.page({ limit: 50 }).messages) names.add(m.author);
    return [...names].map((n) => n.toLowerCase()).sort();
  }, [seat.people, room, version]);
  const [synced, setSynced] = useState(open.connection.status === 'synced');
  useEffect(() => open.connection.onStatus((s) => s === 'synced' && setSynced(true)), [open]);
  const awareness = open.presence.awareness;
  const { typing, setTyping } = useTyping(awareness);

  useEffect(() => {
    awareness.setLocalStateField('user', seat.presence);
  }, [awareness, seat.presence]);

  return (
    <section className="chat-room" aria-label={`Chat: ${title}`} data-epoch={open.session.currentEpoch}>
      <header className="chat-room-head">
        <h2 className="chat-room-title">{title}</h2>
        <PresenceList awareness={awareness} />
        <SyncBadge open={open} />
        {headerExtra}
      </header>
      <MessageList room={room} version={version} synced={synced} signer={signer} members={members} readOnly={readOnly} onReply={setReplyTo} />
      <p className="chat-typing muted small" aria-live="polite" data-testid="chat-typing">{typingLine(typing)}</p>
      {readOnly ? (
        <p className="muted small">{seat.readOnlyNote}</p>
      ) : (
        <Composer room={room} signer={signer} upload={seat.upload} members={members} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} onSent={() => setReplyTo(null)} onTyping={setTyping} />
      )}
    </section>
  );
}
