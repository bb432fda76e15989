import { useEffect, useMemo, useState } from 'react';
import type { ChatChange, ChatSigner } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { PresenceList } from '../docs/PresenceList.tsx';
import { SyncBadge } from '../docs/SyncBadge.tsx';
import { userColor } from '../docs/userColor.ts';
import { useShownRoom } from './ChatInbox.tsx';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { notifyMention } from './notifyMention.client.ts';
import { useChatRoom } from './useChatRoom.ts';
import { useRoomMembers } from './useRoomMembers.ts';
import { typingLine, useTyping } from './useTyping.ts';

type Props = {
  open: OpenDoc;
  roomId: string;
  account: UnlockedAccount;
  readOnly: boolean;
  /** Whose member list names the people who can be mentioned: the room itself, or the item it belongs to. */
  membersOf: string;
  title: string;
  headerExtra?: React.ReactNode;
};

/** A room: its messages, who is here and typing, and the composer. */
export function RoomView({ open, roomId, account, readOnly, membersOf, title, headerExtra }: Props) {
  const signer: ChatSigner = useMemo(() => ({ userId: account.userId, username: account.username, signingSecretKey: account.identity.signing.secretKey }), [account]);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  useShownRoom(roomId);
  const people = useRoomMembers(membersOf);
  const { room, version } = useChatRoom(open, roomId, account, (change: ChatChange) => {
    if (change.local) return;
    for (const id of change.appended) {
      const m = room.message(id);
      if (m && m.authorId !== account.userId && m.mentions.includes(account.username)) notifyMention(title, m.author, m.text);
    }
  });
  const members = useMemo(() => {
    const names = new Set(people);
    // The page the list shows first: already verified, so this costs no extra signature checks.
    for (const m of room.page({ limit: 50 }).messages) names.add(m.author);
    return [...names].map((n) => n.toLowerCase()).sort();
  }, [people, room, version]);
  const [synced, setSynced] = useState(open.connection.status === 'synced');
  useEffect(() => open.connection.onStatus((s) => s === 'synced' && setSynced(true)), [open]);
  const awareness = open.presence.awareness;
  const { typing, setTyping } = useTyping(awareness);

  useEffect(() => {
    awareness.setLocalStateField('user', { name: account.username, color: userColor(account.userId) });
  }, [awareness, account]);

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
        <p className="muted small">You can read this chat but not write in it: you have view-only access.</p>
      ) : (
        <Composer room={room} signer={signer} members={members} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} onSent={() => setReplyTo(null)} onTyping={setTyping} />
      )}
    </section>
  );
}
