import { useEffect, useMemo, useState } from 'react';
import { ChatRoom, type ChatChange } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { chatAuthorKeys, onAuthorKeys } from './authorKeys.client.ts';

/**
 * The room over an open document, and a counter that moves whenever what it
 * shows may have changed (a message, an edit, a reaction, an author's key).
 */
export function useChatRoom(open: OpenDoc, roomId: string, account: UnlockedAccount, onChange?: (change: ChatChange) => void): { room: ChatRoom; version: number } {
  const room = useMemo(() => new ChatRoom(open.session.doc, { roomId, keys: chatAuthorKeys(account) }), [open, roomId, account]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offRoom = room.observe((change) => {
      onChange?.(change);
      bump();
    });
    const offKeys = onAuthorKeys(() => room.keysChanged());
    bump();
    return () => {
      offRoom();
      offKeys();
    };
  }, [room]);
  return { room, version };
}
