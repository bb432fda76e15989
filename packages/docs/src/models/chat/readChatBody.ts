import { FILE_CHUNK_SIZE } from '@coffre/crypto';
import type { ChatAttachment, EditBody, MessageBody, ReactionBody } from './ChatRecord.ts';
import { CHAT_LIMITS } from './chatLayout.ts';

const ID = /^[A-Za-z0-9_-]{16,64}$/;
const B64URL_KEY = /^[A-Za-z0-9_-]{43}$/;
const MIME = /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i;
const USERNAME = /^[a-z0-9._-]{1,64}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An attachment as a collaborator wrote it, or null when any field is off (it then never reaches a download or a preview). */
export function readAttachment(v: unknown): ChatAttachment | null {
  if (!isRecord(v)) return null;
  const { fileId, key, chunkCount, name, mime, size } = v;
  if (typeof fileId !== 'string' || !ID.test(fileId)) return null;
  if (typeof key !== 'string' || !B64URL_KEY.test(key)) return null;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return null;
  // An upload's chunk count follows from its size (fileChunkPlan): any other count was made up, not uploaded.
  if (chunkCount !== Math.max(1, Math.ceil(size / FILE_CHUNK_SIZE))) return null;
  if (typeof name !== 'string' || name.length === 0 || name.length > CHAT_LIMITS.MAX_ATTACHMENT_NAME_CHARS) return null;
  if (typeof mime !== 'string' || mime.length > 255 || !MIME.test(mime)) return null;
  return { fileId, key, chunkCount, name, mime, size };
}

export function readMessageBody(v: unknown): MessageBody | null {
  if (!isRecord(v)) return null;
  const { text, replyTo, attachments, mentions } = v;
  if (typeof text !== 'string' || text.length > CHAT_LIMITS.MAX_MESSAGE_CHARS) return null;
  if (replyTo !== null && (typeof replyTo !== 'string' || !ID.test(replyTo))) return null;
  if (!Array.isArray(attachments) || attachments.length > CHAT_LIMITS.MAX_ATTACHMENTS) return null;
  const files = attachments.map(readAttachment);
  if (files.some((f) => f === null)) return null;
  if (!Array.isArray(mentions) || mentions.length > CHAT_LIMITS.MAX_MENTIONS || !mentions.every(isMentionName)) return null;
  if (text.trim() === '' && files.length === 0) return null;
  return { text, replyTo, attachments: files as ChatAttachment[], mentions: mentions as string[] };
}

export function readEditBody(v: unknown): EditBody | null {
  if (!isRecord(v)) return null;
  const { text, deleted } = v;
  if (typeof text !== 'string' || text.length > CHAT_LIMITS.MAX_MESSAGE_CHARS || typeof deleted !== 'boolean') return null;
  if (deleted && text !== '') return null;
  return { text, deleted };
}

export function readReactionBody(v: unknown): ReactionBody | null {
  if (!isRecord(v)) return null;
  const { emoji, on } = v;
  if (typeof emoji !== 'string' || !isReactionEmoji(emoji) || typeof on !== 'boolean') return null;
  return { emoji, on };
}

/** One emoji (with its modifiers and joiners): no letters, digits, spaces or separators. */
export function isReactionEmoji(s: string): boolean {
  return s.length > 0 && s.length <= CHAT_LIMITS.MAX_EMOJI_CHARS && /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(s) && !/[\s:|\p{L}\p{N}]/u.test(s.replace(/[\u{1F3FB}-\u{1F3FF}\u200D\uFE0F\u20E3#*]/gu, ''));
}

/** A username as mentions carry it: lowercase, as accounts are named. */
export function isMentionName(m: unknown): m is string {
  return typeof m === 'string' && USERNAME.test(m);
}
