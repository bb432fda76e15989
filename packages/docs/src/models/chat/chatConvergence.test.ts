import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSigningKeyPair, initCrypto, type SigningPublicKey } from '@coffre/crypto';
import { createRandom, testSeeds, type Random } from '../../testing/createRandom.ts';
import type { ChatAttachment, ChatAuthorKeys, ChatMessage, ChatSigner } from './ChatRecord.ts';
import { ChatRoom } from './ChatRoom.ts';
import { UpdateGossip } from '../../testing/UpdateGossip.ts';

const ROOM = 'room-aaaaaaaaaaaaaaaa';
const OPS = 70;
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const NAMES = ['ana', 'ben', 'cleo', 'dan', 'eve'];
const EMOJI = ['👍', '❤️', '🎉', '👩‍💻'];

type Person = ChatSigner & { publicKey: SigningPublicKey };
type Peer = { index: number; person: Person; doc: Y.Doc; room: ChatRoom };

/** What the test knows each message should show: its poster, and the last thing its poster did to it. */
type Expected = { author: Peer; ts: number; text: string; replyTo: string | null; attachments: ChatAttachment[]; mentions: string[]; editedAt: number | null; deleted: boolean };

type Scenario = {
  random: Random;
  peers: Peer[];
  posted: Map<string, Expected>;
  /** message id → `userId emoji` → on, as its reactor last set it */
  reactions: Map<string, Map<string, boolean>>;
  clock: number;
};

const words = (random: Random, n: number) => Array.from({ length: 1 + random.int(n) }, () => random.word(7)).join(' ');

function buildAttachment(random: Random): ChatAttachment {
  const size = random.int(20_000_000);
  return { fileId: `f${random.word(8).padEnd(21, 'x')}`, key: random.word(43).padEnd(43, 'k'), chunkCount: Math.max(1, Math.ceil(size / (4 * 1024 * 1024))), name: `${random.word(6)}.pdf`, mime: 'application/pdf', size };
}

function randomAction(s: Scenario, peer: Peer): void {
  const { random } = s;
  const { room, person } = peer;
  const now = (s.clock += 1 + random.int(3)); // ties are rare; order must not depend on them
  const visible = room.page({ limit: 10_000 }).messages;
  const mine = visible.filter((m) => m.authorId === person.userId && !m.deleted);
  const n = random.next();
  if (visible.length === 0 || n < 0.35) {
    const replyTo = visible.length > 0 && random.chance(0.3) ? random.pick(visible).id : null;
    const attachments = random.chance(0.2) ? [buildAttachment(random)] : [];
    const mentions = random.chance(0.3) ? [random.pick(s.peers).person.username] : [];
    const text = words(random, 6);
    const id = room.post(person, { text, replyTo, attachments, mentions }, now);
    s.posted.set(id, { author: peer, ts: now, text, replyTo, attachments, mentions, editedAt: null, deleted: false });
  } else if (n < 0.55 && mine.length > 0) {
    const m = random.pick(mine);
    const text = words(random, 6);
    room.edit(person, m.id, text, now);
    Object.assign(s.posted.get(m.id)!, { text, editedAt: now });
  } else if (n < 0.62 && mine.length > 0) {
    const m = random.pick(mine);
    room.remove(person, m.id, now);
    Object.assign(s.posted.get(m.id)!, { text: '', editedAt: now, deleted: true, replyTo: null, attachments: [], mentions: [] });
  } else {
    const m = random.pick(visible);
    const emoji = random.pick(EMOJI);
    const on = !m.reactions.some((r) => r.emoji === emoji && r.by.some((b) => b.userId === person.userId));
    room.react(person, m.id, emoji, on, now);
    const byUser = s.reactions.get(m.id) ?? new Map<string, boolean>();
    byUser.set(`${person.userId} ${emoji}`, on);
    s.reactions.set(m.id, byUser);
  }
}

function expectAsPosted(at: string, peer: Peer, m: ChatMessage, s: Scenario): void {
  const e = s.posted.get(m.id);
  expect(e, `${at}: peer${peer.index} shows a message nobody posted`).toBeDefined();
  expect({ authorId: m.authorId, author: m.author }, `${at}: message ${m.id} is not shown as its poster's`).toEqual({ authorId: e!.author.person.userId, author: e!.author.person.username });
  expect(m, `${at}: message ${m.id} does not show its poster's latest edit`).toMatchObject({ ts: e!.ts, text: e!.text, replyTo: e!.replyTo, attachments: e!.attachments, mentions: e!.mentions, editedAt: e!.editedAt, deleted: e!.deleted });
  const on = [...(s.reactions.get(m.id) ?? [])].filter(([, v]) => v).map(([k]) => k).sort();
  expect(m.reactions.flatMap((r) => r.by.map((b) => `${b.userId} ${r.emoji}`)).sort(), `${at}: message ${m.id} shows other reactions`).toEqual(on);
}

function runScenario(seed: number, people: Person[]): void {
  const random = createRandom(seed);
  // message ids come from crypto.getRandomValues: seed them too, so a seed replays exactly
  const ids = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array instanceof Uint8Array) for (let i = 0; i < array.length; i++) array[i] = random.int(256);
    return array;
  });
  try {
    const count = 3 + random.int(3);
    const byId = new Map(people.slice(0, count).map((p) => [p.userId, p.publicKey]));
    const keys: ChatAuthorKeys = { get: (id) => byId.get(id) ?? null };
    const s: Scenario = { random, peers: [], posted: new Map(), reactions: new Map(), clock: 1_000 };
    for (let index = 0; index < count; index++) {
      const doc = new Y.Doc();
      doc.clientID = 1000 * (index + 1) + random.int(1000);
      s.peers.push({ index, person: people[index]!, doc, room: new ChatRoom(doc, { roomId: ROOM, keys }) });
    }
    const net = new UpdateGossip(random);
    net.connect(s.peers.map((p) => p.doc));
    for (let op = 0; op < OPS; op++) {
      randomAction(s, random.pick(s.peers));
      net.deliver(random.int(6));
    }
    net.drain();

    const at = `seed ${seed} (replay with COFFRE_SEED=${seed})`;
    const first = s.peers[0]!.room.page({ limit: 10_000 });
    expect(first.messages.map((m) => m.id).sort(), `${at}: not every posted message shows`).toEqual([...s.posted.keys()].sort());
    expect([first.hasMore, first.pendingAuthors], `${at}: peer0's page`).toEqual([false, []]);
    for (const p of s.peers) {
      expect(p.doc.store.pendingStructs, `${at}: peer${p.index} still waits for updates`).toBeNull();
      const page = p.room.page({ limit: 10_000 });
      expect(page, `${at}: peer${p.index}'s room diverged from peer0's`).toEqual(first);
      for (const m of page.messages) expectAsPosted(at, p, m, s);
    }
  } finally {
    ids.mockRestore();
  }
}

describe('chat convergence: peers posting, editing, deleting and reacting, updates reordered and duplicated', () => {
  const people: Person[] = [];
  beforeAll(async () => {
    await initCrypto();
    for (const username of NAMES) {
      const pair = generateSigningKeyPair();
      people.push({ userId: `u-${username}`, username, signingSecretKey: pair.secretKey, publicKey: pair.publicKey });
    }
  });

  for (const seed of testSeeds(SEEDS)) {
    it(`all peers show the same room (seed ${seed}; replay with COFFRE_SEED=${seed})`, () => {
      runScenario(seed, people);
    });
  }
});
