import { useEffect, useMemo, useState } from 'react';
import { ChatRoom, type ChatChange } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import type { AuthorDirectory } from './authorKeys.client.ts';

/**
 * The room over an open document, and a counter that moves whenever what it
 * shows may have changed (a message, an edit, a reaction, an author's key).
 */
export function useChatRoom(open: OpenDoc, roomId: string, authors: AuthorDirectory, onChange?: (change: ChatChange) => void): { room: ChatRoom; version: number } {
  const room = useMemo(() => new ChatRoom(open.session.doc, { roomId, keys: authors.keys }), [open, roomId, authors]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offRoom = room.observe((change) => {
      onChange?.(change);
      bump();
    });
    const offKeys = authors.onChange(() => room.keysChanged());
    // A key learnt between the first render (which asked for it) and now was told to no one: look again at what waits.
    room.keysChanged();
    return () => {
      offRoom();
      offKeys();
    };
  }, [room, authors]);
  return { room, version };
}
