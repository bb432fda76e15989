import * as Y from 'yjs';
import { ChatError } from './ChatError.ts';
import type { ChatAttachment, ChatAuthorKeys, ChatMessage, ChatReaction, ChatRecordKind, ChatSigner, MessageBody } from './ChatRecord.ts';
import { CHAT_DOC, CHAT_LIMITS } from './chatLayout.ts';
import { chatSlots, isMessageId, newMessageId, parseSlot } from './chatSlots.ts';
import { openChatRecord, type OpenedChatRecord } from './openChatRecord.ts';
import { isMentionName, isReactionEmoji, readAttachment, readEditBody, readMessageBody, readReactionBody } from './readChatBody.ts';
import { signRoomRecord } from './signRoomRecord.ts';

/** Local writes of the chat, for observers that tell them from collaborators'. */
export const CHAT_EDIT = Symbol('chat-edit');

export type ChatPage = {
  /** Oldest first. */
  messages: ChatMessage[];
  /** Whether older messages exist before the first one returned. */
  hasMore: boolean;
  /** Authors whose keys were not known: their messages wait until `keys` knows them. */
  pendingAuthors: { authorId: string; author: string }[];
  /** Messages in this stretch that failed their checks (bad signature, unknown or changed key, malformed): never shown, only counted. */
  hidden: number;
};

export type ChatChange = { appended: string[]; local: boolean };

/**
 * A chat room over its plaintext Y.Doc. Every message, edit and reaction is a
 * record signed by its author; a record that does not verify against the
 * author's trusted key is never shown, and never as theirs. Records are
 * opened lazily, page by page, so a long room opens at its latest messages
 * without checking ten thousand signatures.
 */
export class ChatRoom {
  private readonly records: Y.Map<Uint8Array>;
  private readonly order: Y.Array<string>;
  private ids: string[] | null = null;
  private positions: Map<string, number> | null = null;
  private readonly edits = new Map<string, number>();
  private readonly reactionSlots = new Map<string, Set<string>>();
  private readonly opened = new Map<string, { bytes: Uint8Array; result: OpenedChatRecord }>();
  private readonly listeners = new Set<(change: ChatChange) => void>();

  constructor(
    readonly doc: Y.Doc,
    private readonly opts: { roomId: string; keys: ChatAuthorKeys },
  ) {
    this.records = doc.getMap<Uint8Array>(CHAT_DOC.records);
    this.order = doc.getArray<string>(CHAT_DOC.order);
    for (const slot of this.records.keys()) this.index(slot);
    this.records.observe((e) => {
      for (const slot of e.keysChanged) {
        this.opened.delete(slot);
        this.index(slot);
      }
      this.emit([], e.transaction.local);
    });
    this.order.observe((e) => {
      this.ids = null;
      this.positions = null;
      const appended: string[] = [];
      for (const d of e.changes.delta) if (d.insert) for (const id of d.insert as unknown[]) if (isMessageId(id)) appended.push(id);
      this.emit(appended, e.transaction.local);
    });
  }

  get roomId(): string {
    return this.opts.roomId;
  }

  /** Message ids in posting order, each once. */
  messageIds(): readonly string[] {
    if (!this.ids) {
      const seen = new Set<string>();
      this.ids = [];
      for (const id of this.order.toArray()) if (isMessageId(id) && !seen.has(id)) (seen.add(id), this.ids.push(id));
      this.positions = new Map(this.ids.map((id, i) => [id, i]));
    }
    return this.ids;
  }

  /** Up to `limit` shown messages ending just before `before` (or at the latest). */
  page(opts: { limit: number; before?: string | null }): ChatPage {
    const ids = this.messageIds();
    let i = opts.before ? (this.positions!.get(opts.before) ?? ids.length) : ids.length;
    const messages: ChatMessage[] = [];
    const pending = new Map<string, { authorId: string; author: string }>();
    let hidden = 0;
    while (i > 0 && messages.length < opts.limit) {
      const id = ids[--i]!;
      const m = this.read(id);
      if (m && 'pending' in m) pending.set(m.pending.authorId, m.pending);
      else if (m) messages.push(m);
      // An id whose record has not arrived yet is not a failed check.
      else if (this.records.has(chatSlots.message(id))) hidden++;
    }
    return { messages: messages.reverse(), hasMore: i > 0, pendingAuthors: [...pending.values()], hidden };
  }

  /** One message as shown, or null if it is missing or does not verify. */
  message(id: string): ChatMessage | null {
    const m = this.read(id);
    return m && !('pending' in m) ? m : null;
  }

  /**
   * Messages after `lastRead` (everything, if null) that others wrote: the
   * unread count, and the first of them. Counts back from the latest and stops
   * at `max`, so a long unread room costs `max` signature checks, not all.
   */
  unreadAfter(lastRead: string | null, me: string, max = Number.POSITIVE_INFINITY): { count: number; first: string | null; capped: boolean } {
    const ids = this.messageIds();
    const stop = lastRead === null ? -1 : (this.positions!.get(lastRead) ?? -1);
    let count = 0;
    let first: string | null = null;
    for (let i = ids.length - 1; i > stop; i--) {
      if (count >= max) return { count, first, capped: true };
      const m = this.message(ids[i]!);
      if (!m || m.authorId === me) continue;
      count++;
      first = m.id;
    }
    return { count, first, capped: false };
  }

  /**
   * Posts a message. `mentions` are usernames the text names.
   * @throws ChatError MESSAGE_EMPTY | MESSAGE_TOO_LONG | TOO_MANY_ATTACHMENTS | BAD_ATTACHMENT | NO_SUCH_MESSAGE (reply)
   */
  post(signer: ChatSigner, input: { text: string; replyTo?: string | null; attachments?: ChatAttachment[]; mentions?: string[] }, now = Date.now()): string {
    const attachments = input.attachments ?? [];
    if (input.text.trim() === '' && attachments.length === 0) throw new ChatError('MESSAGE_EMPTY');
    if (input.text.length > CHAT_LIMITS.MAX_MESSAGE_CHARS) throw new ChatError('MESSAGE_TOO_LONG');
    if (attachments.length > CHAT_LIMITS.MAX_ATTACHMENTS) throw new ChatError('TOO_MANY_ATTACHMENTS');
    if (attachments.some((a) => readAttachment(a) === null)) throw new ChatError('BAD_ATTACHMENT');
    if (input.replyTo && !this.message(input.replyTo)) throw new ChatError('NO_SUCH_MESSAGE');
    // Only names a reader accepts: one odd mention must not make the whole message unreadable.
    const mentions = [...new Set((input.mentions ?? []).map((m) => m.toLowerCase()))].filter(isMentionName).slice(0, CHAT_LIMITS.MAX_MENTIONS);
    const body: MessageBody = { text: input.text, replyTo: input.replyTo ?? null, attachments: attachments.map((a) => readAttachment(a)!), mentions };
    const id = newMessageId();
    const record = this.sign(signer, chatSlots.message(id), 'message', now, body);
    this.doc.transact(() => {
      this.records.set(chatSlots.message(id), record);
      this.order.push([id]);
    }, CHAT_EDIT);
    return id;
  }

  /** @throws ChatError NO_SUCH_MESSAGE | NOT_YOURS | MESSAGE_DELETED | MESSAGE_EMPTY | MESSAGE_TOO_LONG | TOO_MANY_EDITS */
  edit(signer: ChatSigner, id: string, text: string, now = Date.now()): void {
    const m = this.ownMessage(signer, id);
    if (text.trim() === '' && m.attachments.length === 0) throw new ChatError('MESSAGE_EMPTY');
    if (text.length > CHAT_LIMITS.MAX_MESSAGE_CHARS) throw new ChatError('MESSAGE_TOO_LONG');
    this.writeEdit(signer, id, { text, deleted: false }, now);
  }

  /** Deletes one's own message: its text and attachments are no longer shown; "deleted" is. @throws ChatError as edit */
  remove(signer: ChatSigner, id: string, now = Date.now()): void {
    this.ownMessage(signer, id);
    this.writeEdit(signer, id, { text: '', deleted: true }, now);
  }

  /** @throws ChatError NO_SUCH_MESSAGE | BAD_EMOJI */
  react(signer: ChatSigner, id: string, emoji: string, on: boolean, now = Date.now()): void {
    if (!isReactionEmoji(emoji)) throw new ChatError('BAD_EMOJI');
    if (!this.message(id)) throw new ChatError('NO_SUCH_MESSAGE');
    const slot = chatSlots.reaction(id, signer.userId, emoji);
    const record = this.sign(signer, slot, 'reaction', now, { emoji, on });
    this.doc.transact(() => this.records.set(slot, record), CHAT_EDIT);
  }

  /** Called with the ids of newly appended messages, and with none when edits or reactions change. */
  observe(fn: (change: ChatChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** After `keys` learned new authors: forget the records that were waiting for them. */
  keysChanged(): void {
    for (const [slot, o] of this.opened) if (o.result.status === 'pending') this.opened.delete(slot);
    this.emit([], true);
  }

  private ownMessage(signer: ChatSigner, id: string): ChatMessage {
    const m = this.message(id);
    if (!m) throw new ChatError('NO_SUCH_MESSAGE');
    if (m.authorId !== signer.userId) throw new ChatError('NOT_YOURS');
    if (m.deleted) throw new ChatError('MESSAGE_DELETED');
    return m;
  }

  private writeEdit(signer: ChatSigner, id: string, body: { text: string; deleted: boolean }, now: number): void {
    // After the author's own last edit, not the highest slot anyone wrote: junk at e:<id>:200 must not lock the
    // author out. A slot someone else filled holds nothing shown, so writing over it loses nothing.
    let n = this.edits.get(id) ?? 0;
    while (n >= 1 && !this.signedBy(chatSlots.edit(id, n), signer.userId)) n--;
    n++;
    if (n > CHAT_LIMITS.MAX_EDITS) throw new ChatError('TOO_MANY_EDITS');
    const slot = chatSlots.edit(id, n);
    const record = this.sign(signer, slot, 'edit', now, body);
    this.doc.transact(() => this.records.set(slot, record), CHAT_EDIT);
  }

  private signedBy(slot: string, authorId: string): boolean {
    const r = this.open(slot);
    return r.status === 'ok' && r.fields.authorId === authorId;
  }

  private sign(signer: ChatSigner, slot: string, kind: ChatRecordKind, ts: number, body: object): Uint8Array {
    return signRoomRecord(signer, { roomId: this.opts.roomId, slot, kind, ts }, body);
  }

  private open(slot: string): OpenedChatRecord {
    const bytes = this.records.get(slot);
    if (!(bytes instanceof Uint8Array)) return { status: 'rejected' };
    const cached = this.opened.get(slot);
    if (cached?.bytes === bytes) return cached.result;
    const result = openChatRecord(bytes, { roomId: this.opts.roomId, slot }, this.opts.keys);
    this.opened.set(slot, { bytes, result });
    return result;
  }

  private read(id: string): ChatMessage | { pending: { authorId: string; author: string } } | null {
    const opened = this.open(chatSlots.message(id));
    if (opened.status === 'pending') return { pending: { authorId: opened.authorId, author: opened.author } };
    if (opened.status !== 'ok' || opened.fields.kind !== 'message') return null;
    const body = readMessageBody(opened.body);
    if (!body) return null;
    const { authorId, author, ts } = opened.fields;
    const message: ChatMessage = { id, authorId, author, ts, ...body, editedAt: null, deleted: false, reactions: [] };
    // The latest edit its author signed wins; anyone else's "edit" is ignored.
    for (let n = this.edits.get(id) ?? 0; n >= 1; n--) {
      const e = this.open(chatSlots.edit(id, n));
      if (e.status !== 'ok' || e.fields.kind !== 'edit' || e.fields.authorId !== authorId) continue;
      const edit = readEditBody(e.body);
      if (!edit) continue;
      Object.assign(message, { text: edit.text, editedAt: e.fields.ts, deleted: edit.deleted });
      if (edit.deleted) Object.assign(message, { attachments: [], mentions: [], replyTo: null });
      break;
    }
    message.reactions = this.reactions(id);
    return message;
  }

  private reactions(id: string): ChatReaction[] {
    const on: { slot: string; ts: number; emoji: string; userId: string; username: string }[] = [];
    for (const slot of this.reactionSlots.get(id) ?? []) {
      const r = this.open(slot);
      if (r.status !== 'ok' || r.fields.kind !== 'reaction') continue;
      const body = readReactionBody(r.body);
      // The slot names the reacting author: a record copied into someone else's slot does not verify as theirs.
      if (!body?.on || slot !== chatSlots.reaction(id, r.fields.authorId, body.emoji)) continue;
      on.push({ slot, ts: r.fields.ts, emoji: body.emoji, userId: r.fields.authorId, username: r.fields.author });
    }
    // Slots reach each peer in a different order: sort by what was signed, so every peer shows the same list.
    on.sort((a, b) => a.ts - b.ts || (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
    const byEmoji = new Map<string, ChatReaction>();
    for (const r of on) {
      const entry = byEmoji.get(r.emoji) ?? { emoji: r.emoji, by: [] };
      entry.by.push({ userId: r.userId, username: r.username });
      byEmoji.set(r.emoji, entry);
    }
    return [...byEmoji.values()];
  }

  private index(slot: string): void {
    const parsed = parseSlot(slot);
    if (!parsed || !this.records.has(slot)) return;
    if (parsed.kind === 'edit') this.edits.set(parsed.messageId, Math.max(this.edits.get(parsed.messageId) ?? 0, Math.min(parsed.n!, CHAT_LIMITS.MAX_EDITS)));
    if (parsed.kind === 'reaction') {
      const set = this.reactionSlots.get(parsed.messageId) ?? new Set<string>();
      set.add(slot);
      this.reactionSlots.set(parsed.messageId, set);
    }
  }

  private emit(appended: string[], local: boolean): void {
    for (const fn of this.listeners) fn({ appended, local });
  }
}
