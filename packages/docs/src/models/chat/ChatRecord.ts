import type { SigningPublicKey, SigningSecretKey } from '@coffre/crypto';

/** An encrypted file of the room, uploaded before the message that carries its key. */
export type ChatAttachment = {
  fileId: string;
  /** The file's key (base64url); it lives only inside the room's encrypted document. */
  key: string;
  chunkCount: number;
  name: string;
  mime: string;
  size: number;
};

export type ChatRecordKind = 'message' | 'edit' | 'reaction';

/** What a signed record says, once its signature and its place have been checked. */
export type ChatRecordFields = {
  roomId: string;
  /** The map key it was written under; binding it stops a record being moved to another slot. */
  slot: string;
  kind: ChatRecordKind;
  authorId: string;
  author: string;
  ts: number;
  body: string;
};

export type MessageBody = { text: string; replyTo: string | null; attachments: ChatAttachment[]; mentions: string[] };
export type EditBody = { text: string; deleted: boolean };
export type ReactionBody = { emoji: string; on: boolean };

/** Who writes: the signed-in user and their identity signing key. */
export type ChatSigner = { userId: string; username: string; signingSecretKey: SigningSecretKey };

/**
 * The signing keys of authors, as this device trusts them (pinned). `undefined`
 * means not looked up yet: such messages wait, unshown. `null` means the
 * author's key cannot be had: their messages are never shown as theirs.
 */
export type ChatAuthorKeys = { get(authorId: string, username: string): SigningPublicKey | null | undefined };

export type ChatReaction = { emoji: string; by: { userId: string; username: string }[] };

/** A message as shown: verified, with its latest edit and reactions applied. */
export type ChatMessage = {
  id: string;
  authorId: string;
  author: string;
  ts: number;
  text: string;
  replyTo: string | null;
  attachments: ChatAttachment[];
  mentions: string[];
  /** When it was last edited, or null. */
  editedAt: number | null;
  deleted: boolean;
  reactions: ChatReaction[];
};
