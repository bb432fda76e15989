import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../testing/buildCalendar.ts';
import { buildCalendarEvent, buildEventInput } from '../../testing/buildCalendarEvent.ts';
import { createRandom, testSeeds, type Random } from '../../testing/createRandom.ts';
import type { CalendarEventData } from './CalendarData.ts';
import { CalendarError } from './CalendarError.ts';
import { CALENDAR_LIMITS, DEFAULT_CALENDAR_COLOR, DEFAULT_CALENDAR_NAME, EVENT_FIELDS as F } from './calendarLayout.ts';
import type { CalendarModel } from './CalendarModel.ts';
import { deleteOccurrence } from './deleteOccurrence.ts';
import { editOccurrence } from './editOccurrence.ts';
import { eventProblem } from './eventProblem.ts';
import { expandOccurrences } from './expandOccurrences.ts';

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2025, 0, 1);

/** What a hostile peer can do: write anything anywhere in the shared document. */
function rawEvent(fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  const base: Record<string, unknown> = { title: 'Raw', location: '', description: '', allDay: false, start: '2024-03-04T09:00', end: '2024-03-04T10:00', timeZone: 'UTC', reminders: [], created: 1, modified: 1 };
  for (const [k, v] of Object.entries({ ...base, ...fields })) if (v !== undefined) m.set(k, v);
  return m;
}

function withRaw(fields: Record<string, unknown>, id = 'raw'): CalendarModel {
  const { calendar } = buildCalendar();
  calendar.eventMaps().set(id, rawEvent(fields));
  return calendar;
}

describe('a hostile peer writing wrong types', () => {
  it('skips events that cannot be placed in time', () => {
    for (const fields of [{ allDay: 'yes' }, { start: 12_345 }, { start: '2024-02-30T09:00' }, { start: 'soon' }, { timeZone: 'Mars/Olympus_Mons' }, { timeZone: 42 }, { timeZone: 'x'.repeat(10_000) }]) {
      const calendar = withRaw(fields);
      expect(calendar.listEvents(), JSON.stringify(fields).slice(0, 80)).toEqual([]);
      expect(calendar.occurrences(FROM, TO)).toEqual([]);
    }
    const { calendar } = buildCalendar();
    calendar.eventMaps().set('not a map', 'just a string' as unknown as Y.Map<unknown>);
    calendar.eventMaps().set('x'.repeat(CALENDAR_LIMITS.MAX_ID_CHARS + 1), rawEvent({}));
    calendar.eventMaps().set('bad\u0000id', rawEvent({}));
    expect(calendar.listEvents()).toEqual([]);
  });

  it('repairs the rest: texts, colours, reminders, lists, times of creation', () => {
    const title = new Y.Text('a Y.Text');
    const calendar = withRaw({
      title,
      location: 'x'.repeat(CALENDAR_LIMITS.MAX_LOCATION_CHARS + 500),
      description: { html: '<script>' },
      color: 'url(javascript:alert(1))',
      reminders: [10, '20', -1, 10, 1e9, 3.5, 5],
      exceptions: ['2024-03-05T09:00'],
      overrides: { '2024-03-05T09:00': { title: 'plain object, not a Y.Map' } },
      created: 'yesterday',
    });
    const [e] = calendar.listEvents();
    expect(e).toMatchObject({ title: '', description: '', reminders: [5, 10], exceptions: [], overrides: {}, created: 0, modified: 1 });
    expect(e!.location).toHaveLength(CALENDAR_LIMITS.MAX_LOCATION_CHARS);
    expect(e!.color).toBeUndefined();
    expect(withRaw({ color: '#ABCDEF' }).listEvents()[0]!.color).toBe('#abcdef');
  });

  it('repairs an end before the start, and times written in the other form', () => {
    expect(withRaw({ end: '2024-03-04T08:00' }).listEvents()[0]).toMatchObject({ end: '2024-03-04T10:00' });
    expect(withRaw({ allDay: true, start: '2024-03-04T09:00', end: '2024-03-04T10:00' }).listEvents()[0]).toMatchObject({ start: '2024-03-04', end: '2024-03-05' });
  });

  it('repairs overrides field by field and drops the unusable ones', () => {
    const overrides = new Y.Map<unknown>();
    const good = new Y.Map<unknown>();
    good.set('title', 7);
    good.set('location', 'Kept');
    good.set('color', 'blue');
    good.set('end', '2024-03-05T08:00');
    overrides.set('2024-03-05T09:00', good);
    overrides.set('2024-03-06T09:00', 'not a map');
    overrides.set('not a time', new Y.Map());
    const calendar = withRaw({ recurrence: { freq: 'DAILY', interval: 1, count: 3 }, overrides });
    expect(calendar.listEvents()[0]!.overrides).toEqual({ '2024-03-05T09:00': { location: 'Kept' } });
    expect(calendar.occurrences(FROM, TO).map((o) => [o.location, o.end])).toEqual([
      ['', '2024-03-04T10:00'],
      ['Kept', '2024-03-05T10:00'],
      ['', '2024-03-06T10:00'],
    ]);
  });

  it('reads the calendar name and colour with defaults', () => {
    const { calendar } = buildCalendar();
    calendar.metaMap().set('name', 42);
    calendar.metaMap().set('color', 'red; background: url(x)');
    expect(calendar.meta()).toEqual({ name: DEFAULT_CALENDAR_NAME, color: DEFAULT_CALENDAR_COLOR });
    calendar.metaMap().set('name', 'n'.repeat(1_000));
    expect(calendar.meta().name).toHaveLength(CALENDAR_LIMITS.MAX_NAME_CHARS);
  });
});

describe('a hostile peer writing rules', () => {
  it('clamps a huge count, so expansion stays bounded', () => {
    const calendar = withRaw({ recurrence: { freq: 'DAILY', interval: 1, count: 1e12 } });
    expect(calendar.listEvents()[0]!.recurrence).toEqual({ freq: 'DAILY', interval: 1, count: CALENDAR_LIMITS.MAX_RECURRENCE_COUNT });
    const o = calendar.occurrences(FROM, Date.UTC(2040, 0, 1));
    expect(o).toHaveLength(CALENDAR_LIMITS.MAX_RECURRENCE_COUNT);
  });

  it('skips rules that could stall a reader, or that are not rules', () => {
    const cases: [unknown, string][] = [
      [{ freq: 'SECONDLY', interval: 1 }, '2024-03-04'],
      [{ freq: 'DAILY', interval: -1 }, '2024-03-04'],
      [{ freq: 'DAILY', interval: 1e9 }, '2024-03-04'],
      [{ freq: 'WEEKLY', interval: 1, byWeekday: 'MO' }, '2024-03-04'],
      ['FREQ=DAILY', '2024-03-04'],
      // rrule would search up to the year 9999 for these, on every read
      [{ freq: 'DAILY', interval: 7, byWeekday: ['TU'] }, '2024-03-04'], // every 7 days from a Monday: never a Tuesday
      [{ freq: 'MONTHLY', interval: 12, byMonthDay: [31] }, '2024-04-04'], // every April the 31st
      [{ freq: 'YEARLY', interval: 1, byMonth: [2], byMonthDay: [30] }, '2024-03-04'],
      [{ freq: 'YEARLY', interval: 2, byMonth: [2], byMonthDay: [29] }, '2025-02-28'], // odd years only: never a leap year
    ];
    for (const [recurrence, day] of cases) {
      const calendar = withRaw({ recurrence, start: `${day}T09:00`, end: `${day}T10:00` });
      expect(calendar.listEvents(), JSON.stringify(recurrence)).toEqual([]);
    }
  });

  it('keeps expansion within its step budget however many long counted series there are, and gets there over queries', () => {
    const events = Array.from({ length: 12 }, (_, i) =>
      // a start of its own, so no other test has already found where this count ends
      buildCalendarEvent({ id: `e${i}`, timeZone: 'UTC', start: `2001-02-03T${String(i).padStart(2, '0')}:17`, end: `2001-02-03T${String(i).padStart(2, '0')}:47`, recurrence: { freq: 'DAILY', interval: 1, count: 500 } }),
    );
    const shown = () => new Set(expandOccurrences(events, Date.UTC(2002, 0, 1), Date.UTC(2002, 0, 8), { maxRuleSteps: 2_000 }).map((x) => x.eventId)).size;
    // 500 steps to find where each count ends, and a week of each: three series more per query
    expect([shown(), shown(), shown(), shown()]).toEqual([3, 6, 9, 12]);
  });

  it('caps exceptions and overrides at the limit', () => {
    const exceptions = new Y.Map<unknown>();
    for (let i = 0; i < CALENDAR_LIMITS.MAX_EXCEPTIONS + 100; i++) exceptions.set(new Date(Date.UTC(2024, 2, 4 + i, 9)).toISOString().slice(0, 16), true);
    exceptions.set('2024-03-04T09:00', 'true');
    const calendar = withRaw({ recurrence: { freq: 'DAILY', interval: 1 }, exceptions });
    expect(calendar.listEvents()[0]!.exceptions).toHaveLength(CALENDAR_LIMITS.MAX_EXCEPTIONS);
    expect(calendar.listEvents()[0]!.exceptions[0]).toBe('2024-03-05T09:00');
  });
});

describe('expandOccurrences given unchecked data', () => {
  it('skips what would not pass eventProblem, and never throws', () => {
    const bad = [
      { ...buildCalendarEvent(), start: undefined },
      buildCalendarEvent({ id: 'a', recurrence: { freq: 'DAILY', interval: 1, count: 1e9 } }),
      buildCalendarEvent({ id: 'b', timeZone: 'Nowhere' }),
      buildCalendarEvent({ id: 'c', overrides: { '2024-03-04T09:00': { start: 'later' } }, recurrence: { freq: 'DAILY', interval: 1 } }),
      null,
    ] as unknown as CalendarEventData[];
    expect(expandOccurrences([...bad, buildCalendarEvent({ id: 'ok' })], FROM, TO).map((o) => o.eventId)).toEqual(['ok']);
  });
});

function randomValue(random: Random): unknown {
  return random.pick<() => unknown>([
    () => random.word(12),
    () => random.int(1e6) - 5e5,
    () => random.chance(0.5),
    () => null,
    () => [random.int(100), random.word(3)],
    () => ({ freq: random.pick(['DAILY', 'WEEKLY', 'YEARLY', 'X']), interval: random.int(5), count: random.int(1e7), byWeekday: [random.pick(['MO', 'XX'])] }),
    () => new Y.Map(),
    () => `2024-0${1 + random.int(9)}-${10 + random.int(20)}${random.chance(0.5) ? `T${10 + random.int(14)}:${10 + random.int(50)}` : ''}`,
    () => random.pick(['Europe/Paris', 'UTC', 'Nowhere']),
    () => '#' + random.word(6),
  ])();
}

describe('fuzzing', () => {
  it.each(testSeeds([1, 2, 3, 4, 5, 6, 7, 8]))('whatever a peer writes, reads are valid and edits are refused or succeed, never crash (seed %i)', (seed) => {
    const random = createRandom(seed);
    const { calendar } = buildCalendar();
    for (let i = 0; i < 6; i++) calendar.addEvent(buildEventInput({ start: `2024-03-0${i + 1}T09:00`, end: `2024-03-0${i + 1}T10:00`, recurrence: i % 2 ? { freq: 'DAILY', interval: 1, count: 30 } : undefined }));
    const fields = Object.values(F);
    for (let round = 0; round < 40; round++) {
      const ids = [...calendar.eventMaps().keys()];
      const m = calendar.eventMaps().get(random.pick(ids))!;
      if (m instanceof Y.Map) {
        const field = random.pick(fields);
        const nested = m.get(field);
        if (nested instanceof Y.Map && random.chance(0.5)) nested.set(String(randomValue(random)), randomValue(random));
        else m.set(field, randomValue(random));
      }
      const context = `seed ${seed} round ${round}`;
      const events = calendar.listEvents();
      for (const e of events) expect(eventProblem(e), `${context}: ${JSON.stringify(e)}`).toBeNull();
      const occurrences = calendar.occurrences(FROM, TO);
      const o = occurrences.length > 0 ? random.pick(occurrences) : null;
      if (!o) continue;
      try {
        if (random.chance(0.5)) editOccurrence(calendar, o.eventId, o.occurrenceKey, random.pick(['this', 'following', 'all'] as const), { title: random.word(5) });
        else deleteOccurrence(calendar, o.eventId, o.occurrenceKey, random.pick(['this', 'following'] as const));
      } catch (error) {
        expect(error, context).toBeInstanceOf(CalendarError);
      }
    }
  });
});
