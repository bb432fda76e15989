import { useState } from 'react';
import type { ChatMessage, ChatRoom, ChatSigner } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { AttachmentView } from './AttachmentView.tsx';
import { EmojiPicker } from './format/EmojiPicker.tsx';
import { QUICK_REACTIONS } from './format/emojiList.ts';
import { MessageText } from './format/MessageText.tsx';

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

type Props = { room: ChatRoom; message: ChatMessage; signer: ChatSigner; members: readonly string[]; readOnly: boolean; onReply(id: string): void };

/** One verified message: who, when, what (formatted safely), its files, reactions, and what I may do with it. */
export function MessageItem({ room, message: m, signer, members, readOnly, onReply }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = m.authorId === signer.userId;
  const replied = m.replyTo ? room.message(m.replyTo) : null;

  const act = (fn: () => void) => {
    setError(null);
    try {
      fn();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const toggle = (emoji: string) => act(() => room.react(signer, m.id, emoji, !m.reactions.some((r) => r.emoji === emoji && r.by.some((b) => b.userId === signer.userId))));

  return (
    <li className={`chat-message${mine ? ' mine' : ''}`} data-testid="chat-message" data-message-id={m.id} data-author={m.author}>
      <div className="chat-meta">
        <strong className="chat-author">{m.author}</strong>
        <time className="muted small" dateTime={new Date(m.ts).toISOString()}>{time(m.ts)}</time>
        {m.editedAt !== null && !m.deleted && <span className="muted small" title={time(m.editedAt)}>(edited)</span>}
      </div>
      {replied && (
        <blockquote className="chat-reply-to small">
          <span className="chat-author">{replied.author}</span> {replied.deleted ? 'deleted message' : replied.text.slice(0, 140) || replied.attachments[0]?.name}
        </blockquote>
      )}
      {m.deleted ? (
        <p className="muted chat-deleted">This message was deleted.</p>
      ) : editing !== null ? (
        <form
          className="chat-edit"
          onSubmit={(e) => {
            e.preventDefault();
            act(() => {
              room.edit(signer, m.id, editing);
              setEditing(null);
            });
          }}
        >
          <textarea aria-label="Edit message" value={editing} onChange={(e) => setEditing(e.target.value)} autoFocus rows={2} />
          <button type="submit">Save</button>
          <button type="button" className="ghost" onClick={() => setEditing(null)}>Cancel</button>
        </form>
      ) : (
        <div className="chat-text">
          <MessageText text={m.text} members={members} me={signer.username} />
        </div>
      )}
      {!m.deleted && m.attachments.map((a) => <AttachmentView key={a.fileId} attachment={a} />)}
      {m.reactions.length > 0 && (
        <div className="chat-reactions">
          {m.reactions.map((r) => {
            const minePressed = r.by.some((b) => b.userId === signer.userId);
            return (
              <button key={r.emoji} type="button" className={`chat-reaction${minePressed ? ' pressed' : ''}`} aria-pressed={minePressed} title={r.by.map((b) => b.username).join(', ')} disabled={readOnly} onClick={() => toggle(r.emoji)}>
                {r.emoji} {r.by.length}
              </button>
            );
          })}
        </div>
      )}
      {!readOnly && !m.deleted && (
        <div className="chat-actions">
          {QUICK_REACTIONS.slice(0, 3).map((e) => (
            <button key={e} type="button" className="ghost small" aria-label={`React ${e}`} onClick={() => toggle(e)}>{e}</button>
          ))}
          <button type="button" className="ghost small" aria-label="More reactions" onClick={() => setPicking((p) => !p)}>☺+</button>
          <button type="button" className="ghost small" onClick={() => onReply(m.id)}>Reply</button>
          {mine && <button type="button" className="ghost small" onClick={() => setEditing(m.text)}>Edit</button>}
          {mine && !confirming && <button type="button" className="ghost small" onClick={() => setConfirming(true)}>Delete</button>}
          {confirming && (
            <span className="chat-confirm small" role="group" aria-label="Delete this message for everyone?">
              Delete for everyone?
              <button type="button" className="danger small" onClick={() => act(() => room.remove(signer, m.id))}>Delete for everyone</button>
              <button type="button" className="ghost small" onClick={() => setConfirming(false)}>Keep</button>
            </span>
          )}
          {picking && <EmojiPicker onPick={(e) => (setPicking(false), toggle(e))} onClose={() => setPicking(false)} />}
        </div>
      )}
      {error && <p role="alert" className="error small">{error}</p>}
    </li>
  );
}
