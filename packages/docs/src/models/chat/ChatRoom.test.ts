import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, initCrypto, type SigningPublicKey } from '@coffre/crypto';
import { ChatError } from './ChatError.ts';
import type { ChatAuthorKeys, ChatSigner } from './ChatRecord.ts';
import { ChatRoom } from './ChatRoom.ts';
import { CHAT_DOC, CHAT_LIMITS } from './chatLayout.ts';
import { guestSigner, withGuestAuthors } from './guestAuthors.ts';

const ROOM = 'room-aaaaaaaaaaaaaaaa';

function person(username: string): ChatSigner & { publicKey: SigningPublicKey } {
  const pair = generateSigningKeyPair();
  return { userId: `u-${username}`, username, signingSecretKey: pair.secretKey, publicKey: pair.publicKey };
}

/** A directory that knows exactly these people. */
function keysOf(...people: { userId: string; publicKey: SigningPublicKey }[]): ChatAuthorKeys {
  const byId = new Map(people.map((p) => [p.userId, p.publicKey]));
  return { get: (id) => byId.get(id) ?? null };
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

const attachment = { fileId: 'f'.repeat(22), key: 'k'.repeat(43), chunkCount: 1, name: 'plan.pdf', mime: 'application/pdf', size: 1234 };

describe('ChatRoom', () => {
  let alice: ReturnType<typeof person>;
  let bob: ReturnType<typeof person>;
  beforeAll(async () => {
    await initCrypto();
    alice = person('alice');
    bob = person('bob');
  });

  it('posts, replies, edits, deletes and reacts, and another member sees the same', () => {
    const a = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice, bob) });
    const b = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice, bob) });
    const first = a.post(alice, { text: 'Hello **team**', mentions: ['Bob'] }, 1000);
    sync(a.doc, b.doc);
    const reply = b.post(bob, { text: 'Hi!', replyTo: first, attachments: [attachment] }, 2000);
    sync(a.doc, b.doc);
    a.edit(alice, first, 'Hello team, edited', 3000);
    b.react(bob, first, '👍', true, 3500);
    a.react(alice, first, '👍', true, 3600);
    b.remove(bob, reply, 4000);
    sync(a.doc, b.doc);

    for (const room of [a, b]) {
      const { messages, hasMore } = room.page({ limit: 10 });
      expect(hasMore).toBe(false);
      expect(messages.map((m) => [m.author, m.text, m.deleted])).toEqual([
        ['alice', 'Hello team, edited', false],
        ['bob', '', true],
      ]);
      expect(messages[0]!.mentions).toEqual(['bob']);
      expect(messages[0]!.editedAt).toBe(3000);
      expect(messages[0]!.reactions).toEqual([{ emoji: '👍', by: expect.arrayContaining([{ userId: bob.userId, username: 'bob' }, { userId: alice.userId, username: 'alice' }]) }]);
      expect(messages[1]!.attachments).toEqual([]);
      expect(messages[1]!.replyTo).toBeNull();
    }
    b.react(bob, first, '👍', false, 5000);
    expect(b.message(first)!.reactions).toEqual([{ emoji: '👍', by: [{ userId: alice.userId, username: 'alice' }] }]);
  });

  it('pages backwards from the latest message', () => {
    const room = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice) });
    const ids = Array.from({ length: 25 }, (_, i) => room.post(alice, { text: `m${i}` }, i));
    const latest = room.page({ limit: 10 });
    expect(latest.messages.map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => `m${15 + i}`));
    expect(latest.hasMore).toBe(true);
    const older = room.page({ limit: 10, before: latest.messages[0]!.id });
    expect(older.messages.map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => `m${5 + i}`));
    const oldest = room.page({ limit: 10, before: older.messages[0]!.id });
    expect(oldest.messages.map((m) => m.id)).toEqual(ids.slice(0, 5));
    expect(oldest.hasMore).toBe(false);
  });

  it('counts unread messages from others after the last one read', () => {
    const a = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice, bob) });
    const b = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice, bob) });
    const seen = a.post(alice, { text: 'one' });
    sync(a.doc, b.doc);
    const next = a.post(alice, { text: 'two' });
    a.post(alice, { text: 'three' });
    b.post(bob, { text: 'mine' });
    sync(a.doc, b.doc);
    expect(b.unreadAfter(seen, bob.userId)).toEqual({ count: 2, first: next, capped: false });
    expect(b.unreadAfter(seen, bob.userId, 1)).toMatchObject({ count: 1, capped: true });
    expect(b.unreadAfter(null, bob.userId).count).toBe(3);
  });

  it('refuses what a person cannot do, and writes nothing', () => {
    const a = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice, bob) });
    const id = a.post(alice, { text: 'mine' });
    const before = Y.encodeStateVector(a.doc);
    const refused = (fn: () => void, code: string) => {
      expect(fn).toThrow(ChatError);
      try {
        fn();
      } catch (e) {
        expect((e as ChatError).code).toBe(code);
      }
    };
    refused(() => a.post(alice, { text: '   ' }), 'MESSAGE_EMPTY');
    refused(() => a.post(alice, { text: 'x'.repeat(CHAT_LIMITS.MAX_MESSAGE_CHARS + 1) }), 'MESSAGE_TOO_LONG');
    refused(() => a.post(alice, { text: 'x', attachments: Array(11).fill(attachment) }), 'TOO_MANY_ATTACHMENTS');
    refused(() => a.post(alice, { text: 'x', attachments: [{ ...attachment, key: 'short' }] }), 'BAD_ATTACHMENT');
    refused(() => a.post(alice, { text: 'x', replyTo: 'n'.repeat(22) }), 'NO_SUCH_MESSAGE');
    refused(() => a.edit(bob, id, 'not yours'), 'NOT_YOURS');
    refused(() => a.remove(bob, id), 'NOT_YOURS');
    refused(() => a.react(bob, id, 'hello', true), 'BAD_EMOJI');
    expect(Y.encodeStateVector(a.doc)).toEqual(before);
    a.remove(alice, id);
    refused(() => a.edit(alice, id, 'again'), 'MESSAGE_DELETED');
  });

  it('accepts emoji with skin tones and joiners as reactions, not words', () => {
    const room = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice) });
    const id = room.post(alice, { text: 'x' });
    // distinct times: reactions show in the order they were signed, the same on every peer
    ['👍🏽', '👩‍💻', '❤️', '🇫🇷', '#️⃣'].forEach((emoji, i) => room.react(alice, id, emoji, true, 1000 + i));
    expect(room.message(id)!.reactions.map((r) => r.emoji)).toEqual(['👍🏽', '👩‍💻', '❤️', '🇫🇷', '#️⃣']);
    for (const bad of ['a', '👍 ', ':)', '👍x', '']) expect(() => room.react(alice, id, bad, true)).toThrow(ChatError);
  });

  it('holds back messages whose author is not known yet, then shows them', () => {
    const known = new Map<string, SigningPublicKey>();
    const keys: ChatAuthorKeys = { get: (id) => known.get(id) };
    const writer = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice) });
    writer.post(alice, { text: 'wait for me' });
    const reader = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys });
    Y.applyUpdate(reader.doc, Y.encodeStateAsUpdate(writer.doc));
    const waiting = reader.page({ limit: 5 });
    expect(waiting.messages).toEqual([]);
    expect(waiting.pendingAuthors).toEqual([{ authorId: alice.userId, author: 'alice' }]);
    known.set(alice.userId, alice.publicKey);
    reader.keysChanged();
    expect(reader.page({ limit: 5 }).messages.map((m) => m.text)).toEqual(['wait for me']);
  });

  it('tells observers which messages were appended, and whether they were local', () => {
    const a = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice, bob) });
    const b = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice, bob) });
    const seen: { appended: string[]; local: boolean }[] = [];
    b.observe((c) => c.appended.length && seen.push(c));
    const id = a.post(alice, { text: 'ping' });
    sync(a.doc, b.doc);
    const mine = b.post(bob, { text: 'pong' });
    expect(seen).toEqual([
      { appended: [id], local: false },
      { appended: [mine], local: true },
    ]);
  });

  it('shows a guest of an edit link under the name its key gives, and never under another', () => {
    const guest = guestSigner(generateSigningKeyPair());
    const other = guestSigner(generateSigningKeyPair());
    expect(guest.username).toMatch(/^Guest [0-9a-f]{4}$/);
    const writer = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: withGuestAuthors(keysOf(alice)) });
    const hello = writer.post(guest, { text: 'hello from a guest' }, 1000);
    writer.react(guest, hello, '👍', true, 1100);
    // Forged: a guest key claiming alice's name, alice's id signed by a guest key, a guest id signed by another guest's key.
    writer.post({ ...guest, username: 'alice' }, { text: 'I am alice' }, 2000);
    writer.post({ ...guest, userId: alice.userId, username: 'alice' }, { text: 'me too' }, 3000);
    writer.post({ ...guest, signingSecretKey: other.signingSecretKey }, { text: 'not my key' }, 4000);
    writer.post(alice, { text: 'welcome' }, 5000);
    const reader = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: withGuestAuthors(keysOf(alice)) });
    Y.applyUpdate(reader.doc, Y.encodeStateAsUpdate(writer.doc));
    const { messages, pendingAuthors, hidden } = reader.page({ limit: 10 });
    expect(messages.map((m) => [m.author, m.text])).toEqual([
      [guest.username, 'hello from a guest'],
      ['alice', 'welcome'],
    ]);
    expect(pendingAuthors).toEqual([]);
    expect(hidden).toBe(3);
    expect(messages[0]!.authorId).toBe(guest.userId);
    expect(messages[0]!.reactions).toEqual([{ emoji: '👍', by: [{ userId: guest.userId, username: guest.username }] }]);
    // Without the guest rule, a guest's record is whatever the directory says of that id: here, no one.
    const strict = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice) });
    Y.applyUpdate(strict.doc, Y.encodeStateAsUpdate(writer.doc));
    expect(strict.page({ limit: 10 }).messages.map((m) => m.text)).toEqual(['welcome']);
  });

  it('keeps its state in the two documented shared types only', () => {
    const room = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys: keysOf(alice) });
    room.post(alice, { text: 'x' });
    expect([...room.doc.share.keys()].sort()).toEqual([CHAT_DOC.order, CHAT_DOC.records].sort());
  });
});
