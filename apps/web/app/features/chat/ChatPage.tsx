import { useState } from 'react';
import { useNavigate } from 'react-router';
import { updateFolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { lookUpContact } from '../../keys/lookUpContact.client.ts';
import { shareDocument } from '../../keys/shareDocument.client.ts';
import { getUnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { EntryNotFound } from '../docs/DocEditorPage.tsx';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { ShareDialog } from '../docs/ShareDialog.tsx';
import { useOpenedEntry, type OpenedEntry } from '../docs/useOpenedEntry.ts';
import { RoomList } from './RoomList.tsx';
import { RoomView } from './RoomView.tsx';
import { useMemberSeat } from './chatSeat.ts';
import { rotatedEntryPatch } from '../../keys/writeKeys.client.ts';

/**
 * Chat: my rooms and direct messages on the left (from my drive's top
 * folder, where shared rooms are filed too), the open room on the right.
 */
export default function ChatPage({ roomId }: { roomId?: string }) {
  const folder = useHomeFolder();
  const navigate = useNavigate();
  const account = getUnlockedAccount()!;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const createRoom = (name: string) =>
    run(async () => {
      const entry = await folder.createDocument(name.trim() || 'New chat room', 'chat');
      navigate(`/chat/${entry.id}`);
    });

  /** A direct message is a room of two, named after the other person on each side. */
  const messageSomeone = (username: string) =>
    run(async () => {
      const contact = await lookUpContact(username);
      if (contact.userId === account.userId) throw new Error('That is you. Pick someone else to message.');
      const existing = folder.entries.find((e) => e.kind === 'chat' && !e.trashedAt && e.title === contact.username);
      if (existing) return navigate(`/chat/${existing.id}`);
      const entry = await folder.createDocument(contact.username, 'chat');
      await shareDocument({ account, docId: entry.id, epoch: entry.epoch, key: entry.key, kind: 'chat', name: account.username, username: contact.username, role: 'editor', writer: entry.writer });
      navigate(`/chat/${entry.id}`);
    });

  return (
    <div className="chat-page">
      <RoomList activeId={roomId ?? null} busy={busy || !folder.ready} onCreate={createRoom} onMessage={messageSomeone} error={error ?? folder.error} />
      <div className="chat-main">{roomId ? <StandaloneRoom key={roomId} roomId={roomId} /> : <p className="muted chat-empty">Pick a room, start one, or message someone. Everything you write is encrypted for the people in the room.</p>}</div>
    </div>
  );
}

function StandaloneRoom({ roomId }: { roomId: string }) {
  const opened = useOpenedEntry(roomId, 'chat');
  if (opened.state === 'loading') return <p className="muted">Decrypting your rooms…</p>;
  if (opened.state === 'missing') return <EntryNotFound what="Chat room" />;
  if (opened.state === 'opening') return <p className="muted">Opening…</p>;
  return <OpenedRoom opened={opened} roomId={roomId} />;
}

function OpenedRoom({ opened, roomId }: { opened: Extract<OpenedEntry, { state: 'open' }>; roomId: string }) {
  const { entry, open, account, readOnly, canShare, parentDoc, parentId } = opened;
  const seat = useMemberSeat(account, roomId);
  return (
    <RoomView
      key={entry.epoch}
      open={open}
      roomId={roomId}
      seat={seat}
      readOnly={readOnly}
      title={entry.title}
      headerExtra={
        canShare ? (
          <ShareDialog account={account} docId={roomId} epoch={entry.epoch} docKey={entry.key} kind="chat" name={entry.title} writer={entry.writer} open={open} onRotated={(r) => parentDoc && parentId && updateFolderEntry(parentDoc, roomId, rotatedEntryPatch(roomId, r, parentId))} />
        ) : null
      }
    />
  );
}
