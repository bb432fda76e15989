import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CHAT_DOC } from './chatLayout.ts';
import { forgetAttachedRoom, readAttachedRoom, writeAttachedRoom } from './attachedRoom.ts';

const KEY = 'A'.repeat(43);
const room = { roomId: 'room-0000000000001', key: KEY, epoch: 2 };

describe('attached room record', () => {
  it('round-trips a room, with or without its writer and wrapped write key (ADR 0016)', () => {
    const doc = new Y.Doc();
    writeAttachedRoom(doc, room);
    expect(readAttachedRoom(doc)).toEqual(room);
    writeAttachedRoom(doc, { ...room, writer: 'B'.repeat(43), writeKey: 'C'.repeat(120) });
    expect(readAttachedRoom(doc)).toEqual({ ...room, writer: 'B'.repeat(43), writeKey: 'C'.repeat(120) });
    forgetAttachedRoom(doc);
    expect(readAttachedRoom(doc)).toBeNull();
  });

  it('reads nothing from a record a member garbled: bad writer, a write key without a writer, bad key or epoch', () => {
    const doc = new Y.Doc();
    const put = (v: unknown) => doc.getMap(CHAT_DOC.attachedRoom).set('room', JSON.stringify(v));
    for (const bad of [
      { ...room, writer: 'short' },
      { ...room, writeKey: 'C'.repeat(40) },
      { ...room, writer: 'B'.repeat(43), writeKey: 'not base64url!' },
      { ...room, key: 'x' },
      { ...room, epoch: 0 },
    ]) {
      put(bad);
      expect(readAttachedRoom(doc), JSON.stringify(bad)).toBeNull();
    }
  });
});
