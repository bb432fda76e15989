import { useState } from 'react';
import { NavLink } from 'react-router';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { MAX_COUNTED, useUnreadCounts } from './ChatInbox.tsx';

type Props = { activeId: string | null; busy: boolean; error: string | null; onCreate(name: string): void; onMessage(username: string): void };

/** My rooms and direct messages, newest first, with unread counts; and the two ways to start a conversation. */
export function RoomList({ activeId, busy, error, onCreate, onMessage }: Props) {
  const folder = useHomeFolder();
  const unread = useUnreadCounts();
  const [name, setName] = useState('');
  const [who, setWho] = useState('');
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  const rooms = folder.entries.filter((e) => e.kind === 'chat' && !e.trashedAt);
  return (
    <aside className="chat-rooms" aria-label="Chat rooms">
      <h1>Chat</h1>
      <form
        className="chat-start-form"
        onSubmit={(e) => {
          e.preventDefault();
          onMessage(who);
          setWho('');
        }}
      >
        <input aria-label="Username to message" placeholder="Message someone…" value={who} onChange={(e) => setWho(e.target.value)} required />
        <button type="submit" disabled={busy}>Message</button>
      </form>
      <form
        className="chat-start-form"
        onSubmit={(e) => {
          e.preventDefault();
          onCreate(name);
          setName('');
        }}
      >
        <input aria-label="New room name" placeholder="New room name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={busy}>New room</button>
      </form>
      {permission === 'default' && (
        <button type="button" className="secondary small" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Notify me of new messages
        </button>
      )}
      {error && <p role="alert" className="error small">{error}</p>}
      {rooms.length === 0 ? (
        <p className="muted small">No rooms yet. Shared folders and documents have their own chat too: open one and press Chat.</p>
      ) : (
        <ul className="chat-room-list" data-testid="chat-room-list">
          {rooms.map((r) => {
            const count = unread.get(r.id) ?? 0;
            return (
              <li key={r.id}>
                <NavLink to={`/chat/${r.id}`} className={r.id === activeId ? 'active' : undefined} aria-label={count ? `${r.title}, ${count} unread` : r.title}>
                  <span className="chat-room-name">{r.title}</span>
                  {r.sharedBy && r.sharedBy !== r.title && <span className="muted small"> · from {r.sharedBy}</span>}
                  {count > 0 && r.id !== activeId && <span className="chat-unread-badge" data-testid="unread-badge">{count >= MAX_COUNTED ? '99+' : count}</span>}
                </NavLink>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
