import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ChatRoom, type DocumentEntry } from '@coffre/docs';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { memberAuthors } from './authorKeys.client.ts';
import { lastRead, onReadMarks } from './chatReadMarks.ts';
import { notifyChat } from './notifyMention.client.ts';

const UnreadContext = createContext<ReadonlyMap<string, number>>(new Map());

/** Rooms on screen right now; the inbox leaves those to the page showing them. */
const shown = new Set<string>();
const shownListeners = new Set<() => void>();
let shownVersion = 0;

export function useShownRoom(roomId: string): void {
  useEffect(() => {
    shown.add(roomId);
    shownVersion++;
    for (const fn of shownListeners) fn();
    return () => {
      shown.delete(roomId);
      shownVersion++;
      for (const fn of shownListeners) fn();
    };
  }, [roomId]);
}

const subscribeShown = (fn: () => void) => (shownListeners.add(fn), () => shownListeners.delete(fn));

/** Beyond this, a room shows "99+": counting costs one signature check per message. */
export const MAX_COUNTED = 100;

type Watched = { open: OpenDoc; room: ChatRoom; off(): void };

/**
 * Keeps every room of my top folder open in the background (read-only), so
 * the navigation can show unread counts and new messages can notify me. The
 * room I am looking at is left to its page.
 */
export function ChatInboxProvider({ account, children }: { account: UnlockedAccount; children: React.ReactNode }) {
  const folder = useHomeFolder();
  const version = useSyncExternalStore(subscribeShown, () => shownVersion, () => 0);
  const rooms = useMemo(() => folder.entries.filter((e): e is DocumentEntry => e.kind === 'chat' && !e.trashedAt && !shown.has(e.id)), [folder.entries, version]);
  const watched = useRef(new Map<string, Watched>());
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const wanted = rooms.map((r) => `${r.id}:${r.epoch}:${r.key}`).join(',');

  useEffect(() => {
    const recount = () => {
      const next = new Map<string, number>();
      for (const [id, w] of watched.current) next.set(id, w.room.unreadAfter(lastRead(account.userId, id), account.userId, MAX_COUNTED).count);
      setCounts(next);
    };
    const keep = new Set(rooms.map((r) => `${r.id}:${r.epoch}`));
    for (const [id, w] of watched.current) {
      const r = rooms.find((x) => x.id === id);
      if (!r || !keep.has(`${id}:${r.epoch}`)) {
        w.off();
        watched.current.delete(id);
      }
    }
    for (const r of rooms) {
      if (watched.current.has(r.id)) continue;
      // Read only; the writer still checks what is read (ADR 0016).
      const open = openEncryptedDoc({ account, docId: r.id, key: r.key, epoch: r.epoch, collabUrl: folder.collabUrl, canWrite: false, writer: r.writer });
      const room = new ChatRoom(open.session.doc, { roomId: r.id, keys: memberAuthors(account).keys });
      let synced = false;
      const offStatus = open.connection.onStatus((s) => {
        if (s === 'synced') synced = true;
        recount();
      });
      const offRoom = room.observe((change) => {
        // What was already there when the room opened is counted, not announced.
        if (synced && !change.local) {
          for (const id of change.appended) {
            const m = room.message(id);
            if (!m || m.authorId === account.userId) continue;
            const mention = m.mentions.includes(account.username);
            notifyChat({ title: mention ? `${m.author} mentioned you in ${r.title}` : `${m.author} in ${r.title}`, text: m.deleted ? '' : m.text || m.attachments.map((a) => a.name).join(', '), href: `/chat/${r.id}` });
          }
        }
        recount();
      });
      watched.current.set(r.id, { open, room, off: () => (offStatus(), offRoom(), open.close()) });
    }
    recount();
    const offMarks = onReadMarks(recount);
    const offKeys = memberAuthors(account).onChange(() => {
      for (const w of watched.current.values()) w.room.keysChanged();
    });
    return () => {
      offMarks();
      offKeys();
    };
  }, [wanted, account, folder.collabUrl]);

  useEffect(
    () => () => {
      for (const w of watched.current.values()) w.off();
      watched.current.clear();
    },
    [],
  );

  return <UnreadContext.Provider value={counts}>{children}</UnreadContext.Provider>;
}

/** Unread messages per room id (rooms on screen are not counted). */
export function useUnreadCounts(): ReadonlyMap<string, number> {
  return useContext(UnreadContext);
}

/** All unread messages, for the navigation. */
export function useUnreadTotal(): number {
  const counts = useUnreadCounts();
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
