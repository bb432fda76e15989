import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { buildCalendar } from '../../testing/buildCalendar.ts';
import { buildEventInput } from '../../testing/buildCalendarEvent.ts';
import { createRandom, testSeeds, type Random } from '../../testing/createRandom.ts';
import { syncDocs } from '../../testing/syncDocs.ts';
import type { EditScope, RecurrenceRule } from './CalendarData.ts';
import { CalendarError } from './CalendarError.ts';
import { CalendarModel } from './CalendarModel.ts';
import { deleteOccurrence } from './deleteOccurrence.ts';
import { editOccurrence } from './editOccurrence.ts';
import { eventProblem } from './eventProblem.ts';
import { UpdateGossip } from '../../testing/UpdateGossip.ts';

const OPS = 60;
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2025, 0, 1);
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const RULES: RecurrenceRule[] = [
  { freq: 'DAILY', interval: 1, count: 20 },
  { freq: 'WEEKLY', interval: 1, byWeekday: ['MO', 'TH'] },
  { freq: 'WEEKLY', interval: 2, until: '2024-09-30T09:00' },
  { freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2 },
];

type Peer = { index: number; doc: Y.Doc; calendar: CalendarModel };
type Scenario = { random: Random; peers: Peer[] };

function randomEdit(s: Scenario, peer: Peer): void {
  const { random } = s;
  const { calendar } = peer;
  const events = calendar.listEvents();
  const n = random.next();
  if (events.length === 0 || n < 0.15) {
    const day = String(1 + random.int(28)).padStart(2, '0');
    const start = `2024-03-${day}T${String(7 + random.int(10)).padStart(2, '0')}:00`;
    calendar.addEvent(buildEventInput({ title: random.word(8), start, end: `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}:00`, recurrence: random.chance(0.7) ? random.pick(RULES) : undefined }));
    return;
  }
  const event = random.pick(events);
  // a near range, as a week or month view asks: a year of every event on every edit is slow
  const occurrences = calendar.occurrences(Date.UTC(2024, 2, 1), Date.UTC(2024, 4, 1)).filter((o) => o.eventId === event.id);
  const occurrence = occurrences.length > 0 ? random.pick(occurrences) : null;
  const scope = random.pick<EditScope>(['this', 'this', 'following', 'all']);
  if (n < 0.3) calendar.updateEvent(event.id, random.chance(0.5) ? { title: random.word(8) } : { location: random.word(5), color: random.chance(0.5) ? '#112233' : null });
  else if (n < 0.35) calendar.deleteEvent(event.id);
  else if (n < 0.4) calendar.setMeta({ name: random.word(6) });
  else if (!occurrence) return;
  else if (n < 0.65) deleteOccurrence(calendar, event.id, occurrence.occurrenceKey, random.chance(0.8) ? 'this' : scope);
  else {
    const hour = String(7 + random.int(10)).padStart(2, '0');
    const day = occurrence.start.slice(0, 10);
    const patch = random.chance(0.5) ? { title: random.word(8) } : { start: `${day}T${hour}:00`, end: `${day}T${hour}:45` };
    editOccurrence(calendar, event.id, occurrence.occurrenceKey, occurrence.allDay ? 'this' : scope, occurrence.allDay ? { title: 'x' } : patch);
  }
}

function runScenario(seed: number): { edits: number; refused: number } {
  const random = createRandom(seed);
  // event ids come from crypto.getRandomValues: seed them too, so a seed replays exactly
  const ids = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array instanceof Uint8Array) for (let i = 0; i < array.length; i++) array[i] = random.int(256);
    return array;
  });
  try {
    const s: Scenario = { random, peers: [] };
    for (let index = 0; index < 2 + random.int(2); index++) {
      const doc = new Y.Doc();
      doc.clientID = 1000 * (index + 1) + random.int(1000);
      s.peers.push({ index, doc, calendar: new CalendarModel(doc, { now: () => 1_000 + index }) });
    }
    const net = new UpdateGossip(random);
    net.connect(s.peers.map((p) => p.doc));
    let refused = 0;
    for (let op = 0; op < OPS; op++) {
      try {
        randomEdit(s, random.pick(s.peers));
      } catch (error) {
        // an edit of something a peer changed meanwhile may be refused; anything else is a bug
        if (!(error instanceof CalendarError)) throw error;
        refused++;
      }
      net.deliver(random.int(5));
    }
    net.drain();

    const at = `seed ${seed} (replay with COFFRE_SEED=${seed})`;
    const [first] = s.peers;
    for (const p of s.peers) {
      expect(p.doc.store.pendingStructs, `${at}: peer${p.index} still waits for updates`).toBeNull();
      expect(p.calendar.toData(), `${at}: peer${p.index}'s calendar diverged from peer0's`).toEqual(first!.calendar.toData());
      expect(p.calendar.occurrences(FROM, TO), `${at}: peer${p.index} shows other occurrences`).toEqual(first!.calendar.occurrences(FROM, TO));
      for (const e of p.calendar.listEvents()) expect(eventProblem(e), `${at}: peer${p.index} reads an invalid event ${JSON.stringify(e)}`).toBeNull();
    }
    return { edits: OPS - refused, refused };
  } finally {
    ids.mockRestore();
  }
}

describe('calendar convergence: peers editing one calendar, updates reordered and duplicated', () => {
  for (const seed of testSeeds(SEEDS)) {
    it(`all peers converge (seed ${seed}; replay with COFFRE_SEED=${seed})`, () => {
      const { edits } = runScenario(seed);
      expect(edits, `seed ${seed}: every edit was refused`).toBeGreaterThan(OPS / 2);
    });
  }
});

describe('concurrent edits that must all survive', () => {
  function twoPeers() {
    const a = buildCalendar({ clientID: 1 });
    const id = a.calendar.addEvent(buildEventInput({ recurrence: { freq: 'DAILY', interval: 1, count: 10 } }));
    const b = buildCalendar({ clientID: 2, from: a.doc });
    const c = buildCalendar({ clientID: 3, from: a.doc });
    return { a, b, c, id };
  }

  it('different fields of one event, from three peers', () => {
    const { a, b, c, id } = twoPeers();
    a.calendar.updateEvent(id, { title: 'From a' });
    b.calendar.updateEvent(id, { location: 'From b' });
    c.calendar.updateEvent(id, { color: '#abcdef', reminders: [15] });
    syncDocs([c.doc, a.doc, b.doc]);
    for (const p of [a, b, c]) expect(p.calendar.requireEvent(id)).toMatchObject({ title: 'From a', location: 'From b', color: '#abcdef', reminders: [15] });
  });

  it('cancelling different occurrences, and overriding different fields of one occurrence', () => {
    const { a, b, c, id } = twoPeers();
    editOccurrence(a.calendar, id, '2024-03-09T09:00', 'this', { title: 'Title from a' });
    syncDocs([a.doc, b.doc, c.doc]);
    // at once, with no sync in between
    deleteOccurrence(a.calendar, id, '2024-03-05T09:00', 'this');
    deleteOccurrence(b.calendar, id, '2024-03-07T09:00', 'this');
    editOccurrence(b.calendar, id, '2024-03-09T09:00', 'this', { location: 'Room from b' });
    editOccurrence(c.calendar, id, '2024-03-09T09:00', 'this', { description: 'Notes from c' });
    editOccurrence(c.calendar, id, '2024-03-10T09:00', 'this', { title: 'From c' });
    syncDocs([b.doc, c.doc, a.doc]);
    for (const p of [a, b, c]) {
      const e = p.calendar.requireEvent(id);
      expect(e.exceptions).toEqual(['2024-03-05T09:00', '2024-03-07T09:00']);
      expect(e.overrides).toEqual({ '2024-03-09T09:00': { title: 'Title from a', location: 'Room from b', description: 'Notes from c' }, '2024-03-10T09:00': { title: 'From c' } });
      expect(p.calendar.occurrences(FROM, TO)).toHaveLength(8);
    }
  });

  it('one peer deletes an event another edits: it stays deleted everywhere', () => {
    const { a, b, id } = twoPeers();
    a.calendar.deleteEvent(id);
    b.calendar.updateEvent(id, { title: 'Edited meanwhile' });
    editOccurrence(b.calendar, id, '2024-03-06T09:00', 'this', { title: 'And this one' });
    syncDocs([b.doc, a.doc]);
    expect(a.calendar.listEvents()).toEqual([]);
    expect(b.calendar.listEvents()).toEqual([]);
  });

  it('one peer moves the start while another moves the end before it: the event still reads, the same everywhere', () => {
    const a = buildCalendar({ clientID: 1 });
    const id = a.calendar.addEvent(buildEventInput());
    const b = buildCalendar({ clientID: 2, from: a.doc });
    a.calendar.updateEvent(id, { start: '2024-03-04T09:30' });
    b.calendar.updateEvent(id, { end: '2024-03-04T09:15' });
    syncDocs([a.doc, b.doc]);
    expect(a.calendar.requireEvent(id)).toMatchObject({ start: '2024-03-04T09:30', end: '2024-03-04T10:30' });
    expect(b.calendar.toData()).toEqual(a.calendar.toData());
  });
});
