import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../testing/buildCalendar.ts';
import { buildEventInput } from '../../testing/buildCalendarEvent.ts';
import { createRandom, testSeeds } from '../../testing/createRandom.ts';
import type { Occurrence, RecurrenceRule } from './CalendarData.ts';
import type { CalendarErrorCode } from './CalendarError.ts';
import { CALENDAR_EDIT } from './calendarLayout.ts';
import type { CalendarModel } from './CalendarModel.ts';
import { deleteOccurrence } from './deleteOccurrence.ts';
import { editOccurrence } from './editOccurrence.ts';

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2025, 0, 1);
const WEEKLY_10: RecurrenceRule = { freq: 'WEEKLY', interval: 1, count: 10 };
const MONDAYS = ['03-04', '03-11', '03-18', '03-25', '04-01', '04-08', '04-15', '04-22', '04-29', '05-06'].map((d) => `2024-${d}T09:00`);

function weekly(rule: RecurrenceRule = WEEKLY_10) {
  const built = buildCalendar();
  const id = built.calendar.addEvent(buildEventInput({ recurrence: rule }));
  return { ...built, id };
}

const show = (o: Occurrence[]) => o.map((x) => `${x.start} ${x.title}`);

function expectRefused(doc: Y.Doc, code: CalendarErrorCode, f: () => void): void {
  const before = Y.encodeStateVector(doc);
  expect(f).toThrow(expect.objectContaining({ name: 'CalendarError', code }) as unknown as Error);
  expect(Y.encodeStateVector(doc)).toEqual(before);
}

/** Counts the local transactions `f` makes. */
function transactions(calendar: CalendarModel, f: () => void): number {
  let n = 0;
  const count = (t: Y.Transaction) => void (t.origin === CALENDAR_EDIT && n++);
  calendar.doc.on('afterTransaction', count);
  f();
  calendar.doc.off('afterTransaction', count);
  return n;
}

describe("scope 'this'", () => {
  it('overrides one occurrence, in one transaction, and leaves the others', () => {
    const { calendar, id } = weekly();
    const n = transactions(calendar, () => editOccurrence(calendar, id, MONDAYS[2]!, 'this', { title: 'Special', start: '2024-03-18T14:00', end: '2024-03-18T15:30' }));
    expect(n).toBe(1);
    const o = calendar.occurrences(FROM, TO);
    expect(o).toHaveLength(10);
    expect(show(o).slice(1, 4)).toEqual(['2024-03-11T09:00 Stand-up', '2024-03-18T14:00 Special', '2024-03-25T09:00 Stand-up']);
    expect(o[2]).toMatchObject({ occurrenceKey: MONDAYS[2], end: '2024-03-18T15:30' });
    expect(calendar.requireEvent(id).overrides).toEqual({ [MONDAYS[2]!]: { title: 'Special', start: '2024-03-18T14:00', end: '2024-03-18T15:30' } });
  });

  it('edits an override again field by field; null gives the series colour back', () => {
    const { calendar, id } = weekly();
    editOccurrence(calendar, id, MONDAYS[1]!, 'this', { title: 'Special', color: '#00FF00' });
    editOccurrence(calendar, id, MONDAYS[1]!, 'this', { location: 'Roof', color: null });
    expect(calendar.requireEvent(id).overrides[MONDAYS[1]!]).toEqual({ title: 'Special', location: 'Roof' });
  });

  it('refuses what one occurrence cannot have, and occurrences that are not there', () => {
    const { doc, calendar, id } = weekly();
    expectRefused(doc, 'NOT_PER_OCCURRENCE', () => editOccurrence(calendar, id, MONDAYS[1]!, 'this', { timeZone: 'UTC' }));
    expectRefused(doc, 'NOT_PER_OCCURRENCE', () => editOccurrence(calendar, id, MONDAYS[1]!, 'this', { recurrence: null }));
    expectRefused(doc, 'END_BEFORE_START', () => editOccurrence(calendar, id, MONDAYS[1]!, 'this', { end: '2024-03-11T08:00' }));
    expectRefused(doc, 'BAD_TIME', () => editOccurrence(calendar, id, MONDAYS[1]!, 'this', { allDay: true }));
    expectRefused(doc, 'NO_SUCH_OCCURRENCE', () => editOccurrence(calendar, id, '2024-03-12T09:00', 'this', { title: 'x' }));
    expectRefused(doc, 'NO_SUCH_OCCURRENCE', () => editOccurrence(calendar, id, '2024-05-13T09:00', 'this', { title: 'past the count' }));
    expectRefused(doc, 'NO_SUCH_EVENT', () => editOccurrence(calendar, 'gone', MONDAYS[1]!, 'this', { title: 'x' }));
  });

  it('turns one occurrence into an all-day one', () => {
    const { calendar, id } = weekly();
    editOccurrence(calendar, id, MONDAYS[1]!, 'this', { allDay: true, start: '2024-03-11', end: '2024-03-12' });
    expect(calendar.occurrences(FROM, TO)[1]).toMatchObject({ allDay: true, start: '2024-03-11', startMs: Date.UTC(2024, 2, 11), occurrenceKey: MONDAYS[1] });
  });
});

describe("scope 'following'", () => {
  it('ends the series before the occurrence and starts a new one there; the count is shared out', () => {
    const { calendar, id } = weekly();
    const before = calendar.occurrences(FROM, TO);
    let newId = '';
    expect(transactions(calendar, () => (newId = editOccurrence(calendar, id, MONDAYS[3]!, 'following', { title: 'New' })))).toBe(1);
    expect(newId).not.toBe(id);
    expect(calendar.requireEvent(id).recurrence).toEqual({ freq: 'WEEKLY', interval: 1, until: MONDAYS[2] });
    expect(calendar.requireEvent(newId)).toMatchObject({ start: MONDAYS[3], end: '2024-03-25T10:00', title: 'New', recurrence: { freq: 'WEEKLY', interval: 1, count: 7 } });
    const after = calendar.occurrences(FROM, TO);
    // none lost or doubled at the boundary: the same ten instants
    expect(after.map((o) => o.startMs)).toEqual(before.map((o) => o.startMs));
    expect(after.map((o) => [o.eventId, o.title])).toEqual([...Array(3).fill([id, 'Stand-up']), ...Array(7).fill([newId, 'New'])]);
  });

  it('moves the later exceptions and overrides to the new series, moved by as much as the occurrence', () => {
    const { calendar, id } = weekly();
    editOccurrence(calendar, id, MONDAYS[1]!, 'this', { title: 'Early special' });
    editOccurrence(calendar, id, MONDAYS[5]!, 'this', { title: 'Late special', start: '2024-04-08T15:00', end: '2024-04-08T16:00' });
    deleteOccurrence(calendar, id, MONDAYS[6]!, 'this');
    const newId = editOccurrence(calendar, id, MONDAYS[3]!, 'following', { start: '2024-03-25T10:00', end: '2024-03-25T11:00' });
    const head = calendar.requireEvent(id);
    const tail = calendar.requireEvent(newId);
    expect(head.overrides).toEqual({ [MONDAYS[1]!]: { title: 'Early special' } });
    expect(head.exceptions).toEqual([]);
    expect(tail.overrides).toEqual({ '2024-04-08T10:00': { title: 'Late special', start: '2024-04-08T16:00', end: '2024-04-08T17:00' } });
    expect(tail.exceptions).toEqual(['2024-04-15T10:00']);
    expect(show(calendar.occurrences(FROM, TO))).toEqual([
      '2024-03-04T09:00 Stand-up',
      '2024-03-11T09:00 Early special',
      '2024-03-18T09:00 Stand-up',
      '2024-03-25T10:00 Stand-up',
      '2024-04-01T10:00 Stand-up',
      '2024-04-08T16:00 Late special',
      '2024-04-22T10:00 Stand-up',
      '2024-04-29T10:00 Stand-up',
      '2024-05-06T10:00 Stand-up',
    ]);
  });

  it('keeps an until for the new series, and is the whole series from the first occurrence', () => {
    const { calendar, id } = weekly({ freq: 'WEEKLY', interval: 1, until: '2024-04-01T09:00' });
    const newId = editOccurrence(calendar, id, MONDAYS[2]!, 'following', { location: 'Room 9' });
    expect(calendar.requireEvent(newId).recurrence).toEqual({ freq: 'WEEKLY', interval: 1, until: '2024-04-01T09:00' });
    expect(calendar.occurrences(FROM, TO).map((o) => o.location)).toEqual(['Room 1', 'Room 1', 'Room 9', 'Room 9', 'Room 9']);
    expect(editOccurrence(calendar, id, MONDAYS[0]!, 'following', { location: 'Room 3' })).toBe(id);
    expect(calendar.listEvents()).toHaveLength(2);
    expect(calendar.occurrences(FROM, TO).map((o) => o.location)).toEqual(['Room 3', 'Room 3', 'Room 9', 'Room 9', 'Room 9']);
  });

  it.each(testSeeds([11, 12, 13, 14, 15, 16]))('loses and doubles no occurrence for any rule and split point (seed %i)', (seed) => {
    const random = createRandom(seed);
    for (let round = 0; round < 8; round++) {
      const rules: RecurrenceRule[] = [
        { freq: 'DAILY', interval: 1 + random.int(3), count: 5 + random.int(40) },
        { freq: 'WEEKLY', interval: 1 + random.int(2), byWeekday: ['MO', 'WE', 'FR'], until: '2024-09-30T09:00' },
        { freq: 'MONTHLY', interval: 1, byMonthDay: [31], count: 3 + random.int(6) },
        { freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: -1 },
        { freq: 'YEARLY', interval: 1, count: 3 },
      ];
      const rule = random.pick(rules);
      const start = rule.byMonthDay ? '2024-01-31T09:00' : '2024-01-01T09:00';
      const built = buildCalendar();
      const id = built.calendar.addEvent(buildEventInput({ start, end: `${start.slice(0, 11)}10:00`, recurrence: rule }));
      const before = built.calendar.occurrences(FROM, Date.UTC(2030, 0, 1));
      const split = random.pick(before);
      const newId = editOccurrence(built.calendar, id, split.occurrenceKey, 'following', { title: 'After' });
      const after = built.calendar.occurrences(FROM, Date.UTC(2030, 0, 1));
      const context = `seed ${seed} round ${round}: ${JSON.stringify(rule)} split at ${split.occurrenceKey}`;
      expect(after.map((o) => o.startMs), context).toEqual(before.map((o) => o.startMs));
      expect(
        after.map((o) => o.title),
        context,
      ).toEqual(before.map((o) => (o.startMs < split.startMs ? 'Stand-up' : 'After')));
      if (split !== before[0]) expect(new Set(after.map((o) => o.eventId)), context).toEqual(new Set([id, newId]));
    }
  });
});

describe("scope 'all'", () => {
  it('moving one occurrence moves the series, its exceptions and its overrides by as much', () => {
    const { calendar, id } = weekly();
    editOccurrence(calendar, id, MONDAYS[4]!, 'this', { title: 'Special', start: '2024-04-01T13:00', end: '2024-04-01T14:00' });
    deleteOccurrence(calendar, id, MONDAYS[5]!, 'this');
    expect(transactions(calendar, () => editOccurrence(calendar, id, MONDAYS[2]!, 'all', { start: '2024-03-18T11:30', end: '2024-03-18T12:30' }))).toBe(1);
    const e = calendar.requireEvent(id);
    expect(e).toMatchObject({ start: '2024-03-04T11:30', end: '2024-03-04T12:30', exceptions: ['2024-04-08T11:30'] });
    expect(e.overrides).toEqual({ '2024-04-01T11:30': { title: 'Special', start: '2024-04-01T15:30', end: '2024-04-01T16:30' } });
    expect(show(calendar.occurrences(FROM, TO))).toEqual([
      '2024-03-04T11:30 Stand-up',
      '2024-03-11T11:30 Stand-up',
      '2024-03-18T11:30 Stand-up',
      '2024-03-25T11:30 Stand-up',
      '2024-04-01T15:30 Special',
      '2024-04-15T11:30 Stand-up',
      '2024-04-22T11:30 Stand-up',
      '2024-04-29T11:30 Stand-up',
      '2024-05-06T11:30 Stand-up',
    ]);
  });

  it('moving to another day takes the rule\u2019s days along', () => {
    const { calendar, id } = weekly({ freq: 'WEEKLY', interval: 1, byWeekday: ['MO', 'WE'], count: 4 });
    editOccurrence(calendar, id, '2024-03-06T09:00', 'all', { start: '2024-03-07T09:00', end: '2024-03-07T10:00' });
    expect(calendar.requireEvent(id).recurrence).toEqual({ freq: 'WEEKLY', interval: 1, byWeekday: ['TU', 'TH'], count: 4 });
    expect(calendar.occurrences(FROM, TO).map((o) => o.start)).toEqual(['2024-03-05T09:00', '2024-03-07T09:00', '2024-03-12T09:00', '2024-03-14T09:00']);
  });

  it('changes the series\u2019 fields; the edited occurrence drops what its override said about them, the others keep theirs', () => {
    const { calendar, id } = weekly();
    editOccurrence(calendar, id, MONDAYS[1]!, 'this', { title: 'One', location: 'Here' });
    editOccurrence(calendar, id, MONDAYS[2]!, 'this', { title: 'Two' });
    editOccurrence(calendar, id, MONDAYS[1]!, 'all', { title: 'Renamed', reminders: [5] });
    const e = calendar.requireEvent(id);
    expect(e).toMatchObject({ title: 'Renamed', reminders: [5], start: MONDAYS[0] });
    expect(e.overrides).toEqual({ [MONDAYS[1]!]: { location: 'Here' }, [MONDAYS[2]!]: { title: 'Two' } });
  });

  it('turns a series all-day, its exception keys with it', () => {
    const { calendar, id } = weekly();
    deleteOccurrence(calendar, id, MONDAYS[1]!, 'this');
    editOccurrence(calendar, id, MONDAYS[0]!, 'all', { allDay: true, start: '2024-03-04', end: '2024-03-05' });
    expect(calendar.requireEvent(id)).toMatchObject({ allDay: true, start: '2024-03-04', end: '2024-03-05', exceptions: ['2024-03-11'] });
    expect(calendar.occurrences(FROM, TO)).toHaveLength(9);
  });
});

describe('an event that does not repeat', () => {
  it.each(['this', 'following', 'all'] as const)("is the event itself for scope '%s'", (scope) => {
    const { calendar } = buildCalendar();
    const id = calendar.addEvent(buildEventInput());
    expect(editOccurrence(calendar, id, '2024-03-04T09:00', scope, { title: 'Moved', start: '2024-03-05T09:00', end: '2024-03-05T10:00' })).toBe(id);
    expect(calendar.requireEvent(id)).toMatchObject({ title: 'Moved', start: '2024-03-05T09:00', overrides: {} });
    expect(calendar.listEvents()).toHaveLength(1);
  });
});
