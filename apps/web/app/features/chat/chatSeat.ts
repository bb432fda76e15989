import { useMemo } from 'react';
import type { ChatAttachment, ChatSigner } from '@coffre/docs';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { userColor } from '../docs/userColor.ts';
import { memberAuthors, type AuthorDirectory } from './authorKeys.client.ts';
import { uploadRoomFile } from './uploadRoomFile.client.ts';
import { useRoomMembers } from './useRoomMembers.ts';

type Uploaded = { ok: true; attachment: ChatAttachment } | { ok: false; message: string };

/**
 * Who sits in a room: a signed-in member, or a link's visitor (ADR 0018).
 * The room view needs nothing else about them.
 */
export type ChatSeat = {
  signer: ChatSigner;
  authors: AuthorDirectory;
  /** Names that can be @mentioned, besides the authors on the page. */
  people: readonly string[];
  /** In presence and carets. */
  presence: { name: string; color: string };
  /** A mention of me notifies me; a visitor has no name to be mentioned by. */
  mentionable: boolean;
  /** Seals and uploads an attachment as a file of the room. */
  upload(file: File, roomId: string, onProgress?: (fraction: number) => void): Promise<Uploaded>;
  /** Said instead of the composer when the seat cannot write. */
  readOnlyNote: string;
};

/** The signed-in member's seat; `membersOf` is whose member list names the people who can be mentioned (the room, or its item). */
export function useMemberSeat(account: UnlockedAccount, membersOf: string): ChatSeat {
  const people = useRoomMembers(membersOf);
  return useMemo(
    () => ({
      signer: { userId: account.userId, username: account.username, signingSecretKey: account.identity.signing.secretKey },
      authors: memberAuthors(account),
      people,
      presence: { name: account.username, color: userColor(account.userId) },
      mentionable: true,
      upload: uploadRoomFile,
      readOnlyNote: 'You can read this chat but not write in it: you have view-only access.',
    }),
    [account, people],
  );
}
