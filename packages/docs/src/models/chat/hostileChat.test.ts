import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, concatBytes, encodeAad, generateSigningKeyPair, initCrypto, signDetached, utf8Encode, type SigningPublicKey } from '@coffre/crypto';
import { ChatError } from './ChatError.ts';
import type { ChatAttachment, ChatAuthorKeys, ChatSigner } from './ChatRecord.ts';
import { ChatRoom } from './ChatRoom.ts';
import { CHAT_DOC, CHAT_LIMITS } from './chatLayout.ts';
import { chatSlots, newMessageId } from './chatSlots.ts';
import { signRoomRecord } from './signRoomRecord.ts';

// A member holds the room key, so they can write anything into the plaintext
// Y.Doc: these are the records and order entries they could forge, move or
// corrupt. Whatever they write, a reader shows nothing they did not sign as
// theirs, and the honest messages around it still show.

const ROOM = 'room-aaaaaaaaaaaaaaaa';
const OTHER_ROOM = 'room-bbbbbbbbbbbbbbbb';

type Person = ChatSigner & { publicKey: SigningPublicKey };

function person(username: string): Person {
  const pair = generateSigningKeyPair();
  return { userId: `u-${username}`, username, signingSecretKey: pair.secretKey, publicKey: pair.publicKey };
}

/** A directory that pins each person to their username: anyone else, or a name that is not theirs, has no key (null). */
function directory(...people: Person[]): ChatAuthorKeys {
  const byId = new Map(people.map((p) => [p.userId, p]));
  return {
    get: (id, username) => {
      const p = byId.get(id);
      return p && p.username === username ? p.publicKey : null;
    },
  };
}

const textBody = (text: string) => ({ text, replyTo: null, attachments: [], mentions: [] });

type Fields = { roomId: string; slot: string; kind: string; authorId: string; author: string; ts: number; body: string };

/** A record built by hand: the fields say whatever the forger likes; `by` is whose key really signs them. */
function forge(by: Person, fields: Partial<Fields> & { slot: string }): Uint8Array {
  const all: Fields = { roomId: ROOM, kind: 'message', authorId: by.userId, author: by.username, ts: 1500, body: JSON.stringify(textBody('forged')), ...fields };
  const signed = encodeAad(DOMAINS.chatRecord, all);
  return concatBytes(signed, signDetached(by.signingSecretKey, DOMAINS.chatRecord, signed));
}

/** Writes as a hostile member does: in their own copy of the document, delivered to the reader as a remote update. */
function asMember(room: ChatRoom, write: (records: Y.Map<unknown>, order: Y.Array<unknown>) => void): void {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  doc.transact(() => write(doc.getMap<unknown>(CHAT_DOC.records), doc.getArray<unknown>(CHAT_DOC.order)));
  Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(room.doc)), 'remote');
}

/** Puts a record in a message slot and its id in the order, as a poster would. */
const postRaw = (room: ChatRoom, id: string, value: unknown) =>
  asMember(room, (records, order) => {
    records.set(chatSlots.message(id), value);
    order.push([id]);
  });

const recordAt = (room: ChatRoom, slot: string) => room.doc.getMap<Uint8Array>(CHAT_DOC.records).get(slot)!;

const attachment: ChatAttachment = { fileId: 'f'.repeat(22), key: 'k'.repeat(43), chunkCount: 1, name: 'plan.pdf', mime: 'application/pdf', size: 1234 };

describe('a chat room under a hostile member', () => {
  let alice: Person;
  let bob: Person;
  let mallory: Person;
  let keys: ChatAuthorKeys;
  beforeAll(async () => {
    await initCrypto();
    alice = person('alice');
    bob = person('bob');
    mallory = person('mallory');
    keys = directory(alice, bob, mallory);
  });

  /** A room with one honest message from alice; the test then lets mallory loose. */
  function setup(): { room: ChatRoom; before: string } {
    const room = new ChatRoom(new Y.Doc(), { roomId: ROOM, keys });
    room.observe(() => room.page({ limit: 1000 }));
    return { room, before: room.post(alice, { text: 'before' }, 1000) };
  }

  /** A second device opening the same state from scratch (the constructor's indexing path). */
  function reopened(room: ChatRoom): ChatRoom {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    return new ChatRoom(doc, { roomId: room.roomId, keys });
  }

  /** Bob posts after the attack; both the live room and a fresh reader show exactly `middle` between alice's and bob's, each as its real author. */
  function expectShown(room: ChatRoom, middle: [author: string, text: string][] = []): void {
    room.post(bob, { text: 'after' }, 9000);
    const expected = [['alice', 'before'], ...middle, ['bob', 'after']].map(([author, text]) => ({ author, authorId: `u-${author}`, text }));
    for (const reader of [room, reopened(room)]) {
      const page = reader.page({ limit: 1000 });
      expect(page.messages.map((m) => ({ author: m.author, authorId: m.authorId, text: m.text }))).toEqual(expected);
      expect(page.pendingAuthors).toEqual([]);
    }
  }

  it('drops a record whose signature or signed bytes were flipped, and shows it again once restored', () => {
    const { room } = setup();
    const id = room.post(alice, { text: 'genuine' }, 2000);
    const genuine = recordAt(room, chatSlots.message(id));
    const at = genuine.findIndex((_, i) => utf8Encode('genuine').every((b, j) => genuine[i + j] === b));
    const variants = [
      (b: Uint8Array) => (b[b.length - 1]! ^= 0x01),
      (b: Uint8Array) => (b[b.length - 64]! ^= 0x80),
      (b: Uint8Array) => b.fill(0, b.length - 64),
      (b: Uint8Array) => (b[at]! ^= 0x20), // 'genuine' → 'Genuine': still decodes, no longer verifies
    ];
    for (const flip of variants) {
      const bad = genuine.slice();
      flip(bad);
      asMember(room, (records) => records.set(chatSlots.message(id), bad));
      expect(room.message(id)).toBeNull();
      expect(room.page({ limit: 10 }).messages.map((m) => m.text)).toEqual(['before']);
    }
    asMember(room, (records) => records.set(chatSlots.message(id), genuine.subarray(0, genuine.length - 1)));
    expect(room.message(id)).toBeNull();
    asMember(room, (records) => records.set(chatSlots.message(id), genuine.slice()));
    expectShown(room, [['alice', 'genuine']]);
  });

  it('never shows what mallory signed while claiming to be alice, as a message, an edit or a reaction', () => {
    const { room, before } = setup();
    const claims = [
      { authorId: alice.userId, author: 'alice' },
      { authorId: alice.userId, author: 'mallory' },
      // her own id under alice's name: the directory pins ids to usernames
      { authorId: mallory.userId, author: 'alice' },
    ];
    asMember(room, (records, order) => {
      for (const claim of claims) {
        const id = newMessageId();
        records.set(chatSlots.message(id), forge(mallory, { ...claim, slot: chatSlots.message(id), body: JSON.stringify(textBody('send the money to mallory')) }));
        order.push([id]);
      }
      const edit = chatSlots.edit(before, 1);
      records.set(edit, forge(mallory, { authorId: alice.userId, author: 'alice', slot: edit, kind: 'edit', body: JSON.stringify({ text: 'edited by "alice"', deleted: false }) }));
      const reaction = chatSlots.reaction(before, alice.userId, '👍');
      records.set(reaction, forge(mallory, { authorId: alice.userId, author: 'alice', slot: reaction, kind: 'reaction', body: JSON.stringify({ emoji: '👍', on: true }) }));
    });
    // mallory is a member: what she signs as herself shows, as hers
    room.post(mallory, { text: 'honest mallory' }, 2000);
    expect(room.message(before)).toMatchObject({ text: 'before', editedAt: null, deleted: false, reactions: [] });
    expectShown(room, [['mallory', 'honest mallory']]);
  });

  it("does not show alice's genuine records moved to another message, another slot or another room", () => {
    const { room, before } = setup();
    const second = room.post(alice, { text: 'second' }, 2000);
    room.edit(alice, before, 'before, edited', 2500);
    room.react(alice, before, '🎉', true, 2600);
    const elsewhere = new ChatRoom(new Y.Doc(), { roomId: OTHER_ROOM, keys });
    const foreign = elsewhere.post(alice, { text: 'said in another room' }, 2700);
    const copied = newMessageId();
    asMember(room, (records, order) => {
      records.set(chatSlots.message(copied), recordAt(room, chatSlots.message(before)));
      records.set(chatSlots.edit(second, 1), recordAt(room, chatSlots.edit(before, 1)));
      records.set(chatSlots.reaction(second, alice.userId, '🎉'), recordAt(room, chatSlots.reaction(before, alice.userId, '🎉')));
      records.set(chatSlots.message(foreign), recordAt(elsewhere, chatSlots.message(foreign)));
      order.push([copied, foreign]);
    });
    asMember(elsewhere, (records, order) => {
      records.set(chatSlots.message(before), recordAt(room, chatSlots.message(before)));
      order.push([before]);
    });
    expect(room.message(second)).toMatchObject({ text: 'second', editedAt: null, reactions: [] });
    expect(room.message(before)).toMatchObject({ text: 'before, edited', reactions: [{ emoji: '🎉', by: [{ userId: alice.userId, username: 'alice' }] }] });
    expect(elsewhere.page({ limit: 10 }).messages.map((m) => m.text)).toEqual(['said in another room']);
    room.post(bob, { text: 'after' }, 9000);
    expect(room.page({ limit: 10 }).messages.map((m) => [m.author, m.text])).toEqual([
      ['alice', 'before, edited'],
      ['alice', 'second'],
      ['bob', 'after'],
    ]);
  });

  it("ignores an edit of alice's message signed by bob, and alice's own later edit still shows", () => {
    const { room, before } = setup();
    asMember(room, (records) => {
      records.set(chatSlots.edit(before, 1), signRoomRecord(bob, { roomId: ROOM, slot: chatSlots.edit(before, 1), kind: 'edit', ts: 2000 }, { text: 'bob was here', deleted: false }));
      records.set(chatSlots.edit(before, 2), signRoomRecord(bob, { roomId: ROOM, slot: chatSlots.edit(before, 2), kind: 'edit', ts: 2100 }, { text: '', deleted: true }));
    });
    expect(room.message(before)).toMatchObject({ text: 'before', editedAt: null, deleted: false });
    expect(() => room.edit(bob, before, 'mine now')).toThrow(ChatError);
    room.edit(alice, before, 'before, fixed', 3000);
    expect(room.message(before)).toMatchObject({ text: 'before, fixed', editedAt: 3000, deleted: false });
    expect(reopened(room).message(before)).toMatchObject({ text: 'before, fixed', editedAt: 3000 });
  });

  it("does not count bob's reaction in a slot that names alice, another emoji or another message", () => {
    const { room, before } = setup();
    const other = room.post(alice, { text: 'other' }, 2000);
    room.react(bob, before, '👍', true, 2100);
    const bobs = recordAt(room, chatSlots.reaction(before, bob.userId, '👍'));
    asMember(room, (records) => {
      records.set(chatSlots.reaction(before, alice.userId, '👍'), bobs);
      records.set(chatSlots.reaction(before, bob.userId, '❤️'), bobs);
      records.set(chatSlots.reaction(other, bob.userId, '👍'), bobs);
      // signed by bob for the very slot it sits in, but the slot names alice, or another emoji
      const named = chatSlots.reaction(before, alice.userId, '🎉');
      records.set(named, signRoomRecord(bob, { roomId: ROOM, slot: named, kind: 'reaction', ts: 2200 }, { emoji: '🎉', on: true }));
      const mismatched = chatSlots.reaction(other, bob.userId, '🎉');
      records.set(mismatched, signRoomRecord(bob, { roomId: ROOM, slot: mismatched, kind: 'reaction', ts: 2300 }, { emoji: '👍', on: true }));
      const notAnEmoji = chatSlots.reaction(other, bob.userId, 'lol');
      records.set(notAnEmoji, signRoomRecord(bob, { roomId: ROOM, slot: notAnEmoji, kind: 'reaction', ts: 2400 }, { emoji: 'lol', on: true }));
    });
    for (const reader of [room, reopened(room)]) {
      expect(reader.message(before)!.reactions).toEqual([{ emoji: '👍', by: [{ userId: bob.userId, username: 'bob' }] }]);
      expect(reader.message(other)!.reactions).toEqual([]);
    }
  });

  it('skips message records whose body is not a well-formed message', () => {
    const { room } = setup();
    const valid = textBody('x');
    const bodies: string[] = [
      'not json {',
      '',
      'null',
      '42',
      '"just text"',
      '[]',
      JSON.stringify({ text: 'x' }),
      JSON.stringify({ ...valid, text: 42 }),
      JSON.stringify({ ...valid, text: '   ' }),
      JSON.stringify({ ...valid, text: 'x'.repeat(CHAT_LIMITS.MAX_MESSAGE_CHARS + 1) }),
      JSON.stringify({ ...valid, replyTo: 7 }),
      JSON.stringify({ ...valid, replyTo: '../../etc/passwd' }),
      JSON.stringify({ ...valid, attachments: 'plan.pdf' }),
      JSON.stringify({ ...valid, attachments: [{}] }),
      JSON.stringify({ ...valid, attachments: Array(CHAT_LIMITS.MAX_ATTACHMENTS + 1).fill(attachment) }),
      JSON.stringify({ ...valid, mentions: 'bob' }),
      JSON.stringify({ ...valid, mentions: ['Bob Smith'] }),
      JSON.stringify({ ...valid, mentions: [7] }),
      JSON.stringify({ ...valid, mentions: Array(CHAT_LIMITS.MAX_MENTIONS + 1).fill('bob') }),
    ];
    const badAttachments: Record<string, unknown>[] = [
      { key: 'short' },
      { key: 'k'.repeat(42) },
      { key: 'k'.repeat(44) },
      { key: `${'k'.repeat(41)}+/` },
      { key: 123 },
      { chunkCount: -1 },
      { chunkCount: 0 },
      { chunkCount: 1.5 },
      { chunkCount: '1' },
      { chunkCount: null },
      { chunkCount: 2 ** 53 },
      { chunkCount: Number.MAX_SAFE_INTEGER },
      { chunkCount: 1_000_000 },
      { size: -1 },
      { size: 1.5 },
      { size: '1234' },
      { name: '' },
      { name: 'x'.repeat(CHAT_LIMITS.MAX_ATTACHMENT_NAME_CHARS + 1) },
      { name: 5 },
      { mime: 'pdf' },
      { mime: 'text/html; charset=utf-8' },
      { fileId: '../../../etc/passwd' },
      { fileId: 'short' },
    ];
    for (const bad of badAttachments) bodies.push(JSON.stringify({ ...valid, attachments: [{ ...attachment, ...bad }] }));
    asMember(room, (records, order) => {
      for (const body of bodies) {
        const id = newMessageId();
        records.set(chatSlots.message(id), forge(mallory, { slot: chatSlots.message(id), body }));
        order.push([id]);
      }
      // a well-formed body under the wrong kind, or an unknown one
      for (const kind of ['edit', 'reaction', 'admin']) {
        const id = newMessageId();
        records.set(chatSlots.message(id), forge(mallory, { slot: chatSlots.message(id), kind, body: JSON.stringify(textBody(`as ${kind}`)) }));
        order.push([id]);
      }
    });
    const withFile = room.post(mallory, { text: 'the real plan', attachments: [attachment] }, 2000);
    expect(room.message(withFile)!.attachments).toEqual([attachment]);
    expectShown(room, [['mallory', 'the real plan']]);
  });

  it("ignores edits and reactions whose body is malformed, even from the message's author", () => {
    const { room } = setup();
    const id = room.post(mallory, { text: 'original' }, 2000);
    const edits = [{ text: 5, deleted: false }, { text: 'x', deleted: 'yes' }, { text: 'still here', deleted: true }, { text: 'x'.repeat(CHAT_LIMITS.MAX_MESSAGE_CHARS + 1), deleted: false }, null];
    asMember(room, (records) => {
      edits.forEach((body, i) => {
        const slot = chatSlots.edit(id, i + 1);
        records.set(slot, forge(mallory, { slot, kind: 'edit', body: JSON.stringify(body) }));
      });
      const slot = chatSlots.edit(id, edits.length + 1);
      records.set(slot, forge(mallory, { slot, kind: 'edit', body: '{"text":' }));
      for (const [emoji, body] of [['lol', { emoji: 'lol', on: true }], ['👍', { emoji: '👍', on: 'yes' }], ['❤️', { emoji: '❤️' }]] as const) {
        const r = chatSlots.reaction(id, mallory.userId, emoji);
        records.set(r, forge(mallory, { slot: r, kind: 'reaction', body: JSON.stringify(body) }));
      }
    });
    expect(room.message(id)).toMatchObject({ text: 'original', editedAt: null, deleted: false, reactions: [] });
    expectShown(room, [['mallory', 'original']]);
  });

  it('skips records bigger than MAX_RECORD_BYTES unread, and reads one exactly at the limit', () => {
    const { room } = setup();
    const padded = (id: string, pad: number) => forge(mallory, { slot: chatSlots.message(id), body: JSON.stringify({ ...textBody('padded'), pad: 'x'.repeat(pad) }) });
    const probe = newMessageId();
    const fits = CHAT_LIMITS.MAX_RECORD_BYTES - padded(probe, 0).length;
    const [atLimit, over, huge] = [newMessageId(), newMessageId(), newMessageId()];
    expect(padded(atLimit, fits).length).toBe(CHAT_LIMITS.MAX_RECORD_BYTES);
    postRaw(room, atLimit, padded(atLimit, fits));
    postRaw(room, over, padded(over, fits + 1));
    postRaw(room, huge, concatBytes(padded(huge, 0), new Uint8Array(4 * 1024 * 1024)));
    expect(room.message(over)).toBeNull();
    expect(room.message(huge)).toBeNull();
    expectShown(room, [['mallory', 'padded']]);
  });

  it('ignores values that are not record bytes, and slots that name nothing', () => {
    const { room, before } = setup();
    const genuine = recordAt(room, chatSlots.message(before));
    const values: unknown[] = ['a string', 42, null, true, [1, 2, 3], { bytes: [1, 2, 3] }, new Y.Map(), new Y.Text('text'), new Uint8Array(0), new Uint8Array(64), new Uint8Array(65), genuine.slice(0, genuine.length - 64)];
    for (const value of values) postRaw(room, newMessageId(), value);
    const record = forge(mallory, { slot: 'x', body: JSON.stringify(textBody('nowhere')) });
    asMember(room, (records) => {
      for (const slot of ['', 'x', 'm:', `M:${before}`, `m:${before}x`, `e:${before}`, `e:${before}:`, `e:${before}:0`, `e:${before}:-1`, `e:${before}:1.5`, `e:${before}:abc`, `r:${before}`, `m:${'?'.repeat(22)}`]) records.set(slot, record);
      records.set(chatSlots.edit(before, 1), 'not bytes');
      records.set(chatSlots.reaction(before, bob.userId, '👍'), 7);
    });
    expect(room.message(before)).toMatchObject({ text: 'before', editedAt: null, reactions: [] });
    expectShown(room);
  });

  it('shows each id in chat:order once, skips garbage, and shows an id whose record arrives late', () => {
    const { room, before } = setup();
    const late = newMessageId();
    asMember(room, (records, order) => {
      order.push([42, null, { id: before }, 'short', `${'x'.repeat(21)}!`, 'x'.repeat(23), new Y.Map(), before, before, late, late]);
      records.set('unrelated', new Uint8Array(1));
    });
    expect(room.messageIds()).toEqual([before, late]);
    expect(room.page({ limit: 10 })).toEqual({ messages: [expect.objectContaining({ id: before })], hasMore: false, pendingAuthors: [], hidden: 0 });
    expect(room.unreadAfter(null, bob.userId)).toMatchObject({ count: 1, first: before });
    asMember(room, (records) => records.set(chatSlots.message(late), signRoomRecord(alice, { roomId: ROOM, slot: chatSlots.message(late), kind: 'message', ts: 2000 }, textBody('arrived late'))));
    expect(room.unreadAfter(before, bob.userId)).toMatchObject({ count: 1, first: late });
    const latest = room.page({ limit: 1 });
    expect([latest.messages.map((m) => m.text), latest.hasMore]).toEqual([['arrived late'], true]);
    expect(room.page({ limit: 1, before: late }).messages.map((m) => m.text)).toEqual(['before']);
    expectShown(room, [['alice', 'arrived late']]);
  });

  it('ignores edit slots beyond the edit limit, and the author can still edit', () => {
    const { room, before } = setup();
    room.edit(alice, before, 'first edit', 2000);
    const firstEdit = recordAt(room, chatSlots.edit(before, 1));
    asMember(room, (records) => {
      records.set(`e:${before}:999999`, firstEdit);
      records.set(`e:${before}:${Number.MAX_SAFE_INTEGER}`, firstEdit);
      records.set(chatSlots.edit(before, CHAT_LIMITS.MAX_EDITS), forge(mallory, { slot: chatSlots.edit(before, CHAT_LIMITS.MAX_EDITS), kind: 'edit', body: JSON.stringify({ text: 'mallory', deleted: false }) }));
      records.set(chatSlots.edit(before, 2), new Uint8Array(100));
      records.set(`e:${before}:01`, firstEdit);
    });
    expect(room.message(before)).toMatchObject({ text: 'first edit', editedAt: 2000 });
    room.edit(alice, before, 'second edit', 3000);
    for (const reader of [room, reopened(room)]) expect(reader.message(before)).toMatchObject({ text: 'second edit', editedAt: 3000, deleted: false });
    room.remove(alice, before, 4000);
    expect(reopened(room).message(before)).toMatchObject({ text: '', deleted: true });
  });

  it("never shows a deleted message's old text, attachments, mentions or reply again", () => {
    const { room, before } = setup();
    const secretKey = `secretKey${'x'.repeat(34)}`;
    const id = room.post(alice, { text: 'secret plan', replyTo: before, mentions: ['bob'], attachments: [{ ...attachment, name: 'secret.pdf', key: secretKey }] }, 2000);
    room.edit(alice, id, 'secret plan v2', 2100);
    room.react(bob, id, '👍', true, 2200);
    room.remove(alice, id, 2300);
    const original = recordAt(room, chatSlots.message(id));
    const edited = recordAt(room, chatSlots.edit(id, 1));
    asMember(room, (records, order) => {
      records.set(chatSlots.edit(id, 3), signRoomRecord(bob, { roomId: ROOM, slot: chatSlots.edit(id, 3), kind: 'edit', ts: 2400 }, { text: 'secret plan', deleted: false }));
      records.set(chatSlots.edit(id, 4), forge(mallory, { authorId: alice.userId, author: 'alice', slot: chatSlots.edit(id, 4), kind: 'edit', body: JSON.stringify({ text: 'secret plan', deleted: false }) }));
      records.set(chatSlots.edit(id, 5), edited);
      records.set(chatSlots.edit(id, 6), original);
      records.set(`e:${id}:999999`, edited);
      records.set(chatSlots.edit(id, CHAT_LIMITS.MAX_EDITS), new Uint8Array(200));
      const copy = newMessageId();
      records.set(chatSlots.message(copy), original);
      order.push([copy, id]);
    });
    for (const reader of [room, reopened(room)]) {
      expect(reader.message(id)).toMatchObject({ text: '', deleted: true, editedAt: 2300, attachments: [], mentions: [], replyTo: null, author: 'alice' });
      expect(reader.message(id)!.reactions).toEqual([{ emoji: '👍', by: [{ userId: bob.userId, username: 'bob' }] }]);
      const everything = JSON.stringify(reader.page({ limit: 1000 }));
      expect(everything).not.toContain('secret');
    }
    expect(() => room.edit(alice, id, 'secret plan')).toThrow(ChatError);
    expectShown(room, [['alice', '']]);
  });

  it('never shows an author the directory has no key for, nor their edits or reactions, nor counts them unread', () => {
    const { room, before } = setup();
    const carol = person('carol'); // a real key, but not one this reader can have
    const hers = room.post(carol, { text: 'from carol' }, 2000);
    room.react(carol, before, '👍', true, 2100);
    asMember(room, (records) => {
      records.set(chatSlots.edit(hers, 1), signRoomRecord(carol, { roomId: ROOM, slot: chatSlots.edit(hers, 1), kind: 'edit', ts: 2200 }, { text: 'edited by carol', deleted: false }));
      const reaction = chatSlots.reaction(hers, carol.userId, '🎉');
      records.set(reaction, signRoomRecord(carol, { roomId: ROOM, slot: reaction, kind: 'reaction', ts: 2300 }, { emoji: '🎉', on: true }));
    });
    expect(room.message(hers)).toBeNull();
    expect(room.message(before)!.reactions).toEqual([]);
    expect(room.unreadAfter(null, bob.userId)).toMatchObject({ count: 1, first: before });
    expect(() => room.post(bob, { text: 'replying', replyTo: hers })).toThrow(ChatError);
    expect(() => room.react(bob, hers, '👍', true)).toThrow(ChatError);
    expectShown(room);
  });
});
