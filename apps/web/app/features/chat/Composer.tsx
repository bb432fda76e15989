import { useRef, useState } from 'react';
import { CHAT_LIMITS, type ChatAttachment, type ChatRoom, type ChatSigner } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { EmojiPicker } from './format/EmojiPicker.tsx';
import { mentionedUsernames } from './format/mentionedUsernames.ts';
import type { ChatSeat } from './chatSeat.ts';

type Props = {
  room: ChatRoom;
  signer: ChatSigner;
  upload: ChatSeat['upload'];
  members: readonly string[];
  replyTo: string | null;
  onCancelReply(): void;
  onSent(): void;
  onTyping(typing: boolean): void;
};

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line. Files are
 * sealed and uploaded first and only then posted with the text, so a failed
 * upload posts nothing and keeps what was typed.
 */
export function Composer({ room, signer, upload, members, replyTo, onCancelReply, onSent, onTyping }: Props) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [status, setStatus] = useState<{ busy: boolean; text: string; error: boolean } | null>(null);
  const [picking, setPicking] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const replied = replyTo ? room.message(replyTo) : null;
  const tooLong = text.length > CHAT_LIMITS.MAX_MESSAGE_CHARS;

  async function send() {
    if (status?.busy || (text.trim() === '' && files.length === 0)) return;
    if (tooLong) {
      setStatus({ busy: false, error: true, text: `A message holds at most ${CHAT_LIMITS.MAX_MESSAGE_CHARS.toLocaleString()} characters (this one has ${text.length.toLocaleString()}). Split it, or attach it as a file.` });
      return;
    }
    const attachments: ChatAttachment[] = [];
    for (const file of files) {
      setStatus({ busy: true, error: false, text: `Encrypting and uploading ${file.name}…` });
      const up = await upload(file, room.roomId, (f) => setStatus({ busy: true, error: false, text: `Encrypting and uploading ${file.name}… ${Math.round(f * 100)}%` }));
      if (!up.ok) {
        setStatus({ busy: false, error: true, text: `${file.name} was not sent: ${up.message}` });
        return;
      }
      attachments.push(up.attachment);
    }
    try {
      room.post(signer, { text, replyTo, attachments, mentions: mentionedUsernames(text, members) });
    } catch (e) {
      setStatus({ busy: false, error: true, text: errorMessage(e) });
      return;
    }
    setText('');
    setFiles([]);
    setStatus(null);
    onTyping(false);
    onSent();
    input.current?.focus();
  }

  function insert(s: string) {
    const el = input.current;
    const at = el?.selectionStart ?? text.length;
    setText(text.slice(0, at) + s + text.slice(el?.selectionEnd ?? at));
    setPicking(false);
    requestAnimationFrame(() => el?.setSelectionRange(at + s.length, at + s.length));
  }

  return (
    <form
      className="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {replied && (
        <div className="chat-replying small">
          Replying to <strong>{replied.author}</strong>: {replied.text.slice(0, 80)}
          <button type="button" className="ghost small" aria-label="Cancel reply" onClick={onCancelReply}>×</button>
        </div>
      )}
      {files.length > 0 && (
        <ul className="chat-pending-files small" aria-label="Files to send">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name}
              <button type="button" className="ghost small" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((_, j) => j !== i))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="chat-compose-row">
        <textarea
          ref={input}
          aria-label="Message"
          placeholder="Write a message…"
          title="Enter sends, Shift+Enter starts a new line"
          rows={2}
          value={text}
          aria-invalid={tooLong || undefined}
          onChange={(e) => {
            setText(e.target.value);
            onTyping(e.target.value !== '');
          }}
          onBlur={() => onTyping(false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void send();
            }
          }}
        />
        <label className="button ghost" title="Attach files">
          {/* A drawn paperclip: the emoji needs a colour-emoji font, which not every machine has (Debian's Chromium showed a box). */}
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M20.5 11.5l-8.4 8.4a5 5 0 0 1-7.1-7.1l8.4-8.4a3.4 3.4 0 0 1 4.8 4.8l-8.4 8.4a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />
          </svg>
          <span className="sr-only">Attach files</span>
          <input
            type="file"
            multiple
            hidden
            data-testid="chat-attach"
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])];
              e.target.value = '';
              setFiles((f) => [...f, ...picked].slice(0, CHAT_LIMITS.MAX_ATTACHMENTS));
            }}
          />
        </label>
        <button type="button" className="ghost" aria-label="Insert emoji" onClick={() => setPicking((p) => !p)}>☺</button>
        <button type="submit" disabled={status?.busy}>Send</button>
      </div>
      {picking && <EmojiPicker onPick={insert} onClose={() => setPicking(false)} />}
      {tooLong && <p className="error small">{text.length.toLocaleString()} / {CHAT_LIMITS.MAX_MESSAGE_CHARS.toLocaleString()} characters</p>}
      {status && <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error small' : 'muted small'}>{status.text}</p>}
    </form>
  );
}
