import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { chatNotices, dismissChatNotice, onChatNotices } from './notifyMention.client.ts';

const none: never[] = [];

/** The stack of chat notices (mentions, new direct messages) at the corner of every signed-in page. */
export function ChatNotices() {
  const notices = useSyncExternalStore(onChatNotices, chatNotices, () => none);
  if (notices.length === 0) return null;
  return (
    <ul className="chat-notices" aria-label="Chat notifications">
      {notices.map((n) => (
        <li key={n.id} role="status" className="chat-notice">
          <strong>{n.title}</strong>
          <span className="small">{n.text.slice(0, 140)}</span>
          <span className="chat-notice-actions">
            {n.href && <Link to={n.href} onClick={() => dismissChatNotice(n.id)}>Open</Link>}
            <button type="button" className="ghost small" aria-label="Dismiss" onClick={() => dismissChatNotice(n.id)}>×</button>
          </span>
        </li>
      ))}
    </ul>
  );
}
