import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChatRoom, ChatSigner } from '@coffre/docs';
import { lastRead, markRead, onReadMarks } from './chatReadMarks.ts';
import { MessageItem } from './MessageItem.tsx';

const PAGE = 50;
/** Counting unread messages checks each one's signature: past this many, the count says "+". */
const MAX_UNREAD_SHOWN = 500;
/** Within this many pixels of the bottom, new messages keep the view at the bottom. */
const STICKY_PX = 80;

type Props = { room: ChatRoom; version: number; synced: boolean; signer: ChatSigner; members: readonly string[]; readOnly: boolean; onReply(id: string): void };

/**
 * The latest messages first, older ones as the reader scrolls up. Messages
 * that arrived since my last visit sit under a "new" line, with a button to
 * jump there; reaching the bottom marks the room read on this device.
 */
export function MessageList({ room, version, synced, signer, members, readOnly, onReply }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const keepFromBottom = useRef<number | null>(null);
  // The "new" line marks what was unread when the room opened and had synced; it stays put while I read.
  const [readMark] = useState(() => lastRead(signer.userId, room.roomId));
  const [line, setLine] = useState<string | null | undefined>(undefined);
  const [marks, setMarks] = useState(0);
  useEffect(() => onReadMarks(() => setMarks((m) => m + 1)), []);
  useEffect(() => {
    if (line === undefined && synced) setLine(room.unreadAfter(readMark, signer.userId, MAX_UNREAD_SHOWN).first);
  }, [synced, version, line, room, readMark, signer.userId]);
  // What is still unread now: the jump button's count.
  const unread = useMemo(() => room.unreadAfter(lastRead(signer.userId, room.roomId), signer.userId, MAX_UNREAD_SHOWN), [room, signer.userId, version, marks]);
  const page = room.page({ limit });
  const latest = page.messages.at(-1)?.id ?? null;
  const jumpTo = line ?? unread.first;
  const jumpShown = jumpTo !== null && page.messages.some((m) => m.id === jumpTo);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keepFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (atBottom.current) el.scrollTop = el.scrollHeight;
  }, [version, limit]);

  useEffect(() => {
    if (latest && atBottom.current && document.visibilityState === 'visible') markRead(signer.userId, room.roomId, latest);
  }, [latest, version, room, signer.userId]);

  function onScroll() {
    const el = scroller.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
    if (atBottom.current && latest) markRead(signer.userId, room.roomId, latest);
    if (el.scrollTop < 40 && page.hasMore) {
      keepFromBottom.current = el.scrollHeight - el.scrollTop;
      setLimit((l) => l + PAGE);
    }
  }

  function jumpToUnread() {
    if (!jumpShown) setLimit((l) => Math.max(l, unread.count + PAGE));
    requestAnimationFrame(() => scroller.current?.querySelector(line ? '.chat-unread-line' : `[data-message-id="${jumpTo}"]`)?.scrollIntoView({ block: 'start' }));
  }

  return (
    <div className="chat-list-wrap">
      {unread.count > 0 && (
        <button type="button" className="chat-jump small" onClick={jumpToUnread}>
          Jump to first unread ({unread.count}{unread.capped ? '+' : ''})
        </button>
      )}
      <div className="chat-scroller" ref={scroller} onScroll={onScroll} data-testid="chat-scroller">
        {page.hasMore ? (
          <button type="button" className="ghost small chat-older" onClick={() => ((keepFromBottom.current = scroller.current!.scrollHeight - scroller.current!.scrollTop), setLimit((l) => l + PAGE))}>
            Show older messages
          </button>
        ) : (
          <p className="muted small chat-start">{page.messages.length ? 'This is the start of the conversation.' : 'No messages yet. Say hello: only the people in this room can read it.'}</p>
        )}
        {page.pendingAuthors.length > 0 && <p className="muted small">Checking the keys of {page.pendingAuthors.map((a) => a.author).join(', ')}…</p>}
        {page.hidden > 0 && (
          <p className="error small" role="status" data-testid="chat-hidden">
            {page.hidden === 1 ? '1 message here is not shown: it' : `${page.hidden} messages here are not shown: they`} did not pass the check against {page.hidden === 1 ? 'its' : 'their'} author’s key, so no one can say who wrote {page.hidden === 1 ? 'it' : 'them'}.
          </p>
        )}
        <ol className="chat-messages" aria-label="Messages">
          {page.messages.map((m) => (
            <MessageBlock key={m.id} unreadLine={m.id === line}>
              <MessageItem room={room} message={m} signer={signer} members={members} readOnly={readOnly} onReply={onReply} />
            </MessageBlock>
          ))}
        </ol>
      </div>
    </div>
  );
}

function MessageBlock({ unreadLine, children }: { unreadLine: boolean; children: React.ReactNode }) {
  return (
    <>
      {unreadLine && (
        <li className="chat-unread-line" aria-label="New messages">
          <span>New</span>
        </li>
      )}
      {children}
    </>
  );
}
