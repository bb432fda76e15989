import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** A typing flag older than this is stale (its sender closed the tab mid-word). */
const TYPING_FRESH_MS = 6_000;
const RESEND_MS = 2_000;

/**
 * Typing indicators over the room's encrypted presence: mine is set while I
 * type (re-sent every few seconds, cleared on send or blur), and the names of
 * others typing now are returned.
 */
export function useTyping(awareness: Awareness): { typing: string[]; setTyping(on: boolean): void } {
  const [typing, setTypingNames] = useState<string[]>([]);
  const lastSent = useRef(0);
  useEffect(() => {
    const read = () => {
      const now = Date.now();
      const names: string[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const s = state as { user?: { name?: unknown }; typing?: unknown };
        // Freshness by when the state reached me, not by the sender's clock.
        const received = awareness.meta.get(clientId)?.lastUpdated ?? 0;
        if (typeof s.user?.name === 'string' && typeof s.typing === 'number' && now - received < TYPING_FRESH_MS && !names.includes(s.user.name)) names.push(s.user.name);
      }
      setTypingNames((old) => (old.join('\n') === names.join('\n') ? old : names));
    };
    awareness.on('change', read);
    const timer = setInterval(read, 1_000);
    read();
    return () => {
      awareness.off('change', read);
      clearInterval(timer);
    };
  }, [awareness]);
  const setTyping = useCallback(
    (on: boolean) => {
      const now = Date.now();
      if (on && now - lastSent.current < RESEND_MS) return;
      lastSent.current = on ? now : 0;
      awareness.setLocalStateField('typing', on ? now : null);
    },
    [awareness],
  );
  return { typing, setTyping };
}

/** "bob is typing…", "bob and carol are typing…", "several people are typing…". */
export function typingLine(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return 'Several people are typing…';
}
