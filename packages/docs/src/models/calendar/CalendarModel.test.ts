import '../../testing/failOnConsoleError.ts';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../testing/buildCalendar.ts';
import { buildCalendarEvent, buildEventInput } from '../../testing/buildCalendarEvent.ts';
import { syncDocs } from '../../testing/syncDocs.ts';
import type { CalendarErrorCode } from './CalendarError.ts';
import { CALENDAR_DOC, CALENDAR_EDIT, CALENDAR_LIMITS, DEFAULT_CALENDAR_COLOR, DEFAULT_CALENDAR_NAME } from './calendarLayout.ts';
import type { CalendarEventInput } from './CalendarEventInput.ts';
import { CalendarModel } from './CalendarModel.ts';

const NOW = 1_700_000_000_000;

/** Runs `f`, expecting a CalendarError with `code` and no change at all to the document. */
function expectRefused(doc: Y.Doc, code: CalendarErrorCode, f: () => void): void {
  const before = Y.encodeStateVector(doc);
  expect(f).toThrow(expect.objectContaining({ name: 'CalendarError', code }) as unknown as Error);
  expect(Y.encodeStateVector(doc)).toEqual(before);
}

describe('calendar meta', () => {
  it('has defaults, and keeps a name and a colour', () => {
    const { calendar } = buildCalendar();
    expect(calendar.meta()).toEqual({ name: DEFAULT_CALENDAR_NAME, color: DEFAULT_CALENDAR_COLOR });
    calendar.setMeta({ name: 'Team', color: '#AABBCC' });
    expect(calendar.meta()).toEqual({ name: 'Team', color: '#aabbcc' });
  });

  it('refuses a long name and a colour that is not #rrggbb', () => {
    const { doc, calendar } = buildCalendar();
    expectRefused(doc, 'NAME_TOO_LONG', () => calendar.setMeta({ name: 'x'.repeat(CALENDAR_LIMITS.MAX_NAME_CHARS + 1) }));
    expectRefused(doc, 'BAD_COLOR', () => calendar.setMeta({ name: 'ok', color: 'red' }));
    expectRefused(doc, 'BAD_COLOR', () => calendar.setMeta({ color: '#abc' }));
  });
});

describe('events', () => {
  it('adds, reads, updates and deletes an event', () => {
    let now = NOW;
    const calendar = new CalendarModel(new Y.Doc(), { now: () => now });
    const id = calendar.addEvent(buildEventInput({ color: '#FF0000', recurrence: { freq: 'WEEKLY', interval: 1, byWeekday: ['MO'] } }));
    expect(calendar.getEvent(id)).toEqual({
      ...buildEventInput(),
      id,
      color: '#ff0000',
      recurrence: { freq: 'WEEKLY', interval: 1, byWeekday: ['MO'] },
      exceptions: [],
      overrides: {},
      created: NOW,
      modified: NOW,
    });
    now += 5;
    calendar.updateEvent(id, { title: 'Planning', color: null, recurrence: null, reminders: [30, 5, 30] });
    const e = calendar.requireEvent(id);
    expect(e).toMatchObject({ title: 'Planning', reminders: [5, 30], created: NOW, modified: NOW + 5 });
    expect(e.color).toBeUndefined();
    expect(e.recurrence).toBeUndefined();
    calendar.deleteEvent(id);
    expect(calendar.getEvent(id)).toBeNull();
    expect(calendar.listEvents()).toEqual([]);
  });

  it('lists events by start; each is a nested Y.Map', () => {
    const { doc, calendar } = buildCalendar();
    const late = calendar.addEvent(buildEventInput({ start: '2024-03-05T09:00', end: '2024-03-05T10:00' }));
    const early = calendar.addEvent(buildEventInput({ allDay: true, start: '2024-03-01', end: '2024-03-02' }));
    expect(calendar.listEvents().map((e) => e.id)).toEqual([early, late]);
    expect(doc.getMap(CALENDAR_DOC.EVENTS).get(late)).toBeInstanceOf(Y.Map);
  });

  it.each<[CalendarErrorCode, Partial<CalendarEventInput>]>([
    ['EVENT_TOO_LONG', { title: 'x'.repeat(CALENDAR_LIMITS.MAX_TITLE_CHARS + 1) }],
    ['EVENT_TOO_LONG', { location: 'x'.repeat(CALENDAR_LIMITS.MAX_LOCATION_CHARS + 1) }],
    ['EVENT_TOO_LONG', { description: 'x'.repeat(CALENDAR_LIMITS.MAX_DESCRIPTION_CHARS + 1) }],
    ['END_BEFORE_START', { end: '2024-03-04T09:00' }],
    ['END_BEFORE_START', { allDay: true, start: '2024-03-04', end: '2024-03-04' }],
    ['BAD_TIME', { start: '2024-02-30T09:00' }],
    ['BAD_TIME', { start: '2024-03-04 09:00' }],
    ['BAD_TIME', { allDay: true, start: '2024-03-04T00:00', end: '2024-03-05' }],
    ['BAD_TIME_ZONE', { timeZone: 'Mars/Olympus_Mons' }],
    ['BAD_COLOR', { color: 'javascript:alert(1)' }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'HOURLY' as 'DAILY', interval: 1 } }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'DAILY', interval: 0 } }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'DAILY', interval: 1, count: 2, until: '2024-04-01T09:00' } }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'DAILY', interval: 1, count: CALENDAR_LIMITS.MAX_RECURRENCE_COUNT + 1 } }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'DAILY', interval: 1, until: '2024-03-01T09:00' } }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'WEEKLY', interval: 1, byWeekday: ['XX' as 'MO'] } }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'MONTHLY', interval: 1, bySetPos: 2 } }],
    ['BAD_RECURRENCE', { recurrence: { freq: 'YEARLY', interval: 1, byMonth: [2], byMonthDay: [30] } }],
    ['BAD_REMINDERS', { reminders: [-5] }],
    ['BAD_REMINDERS', { reminders: Array.from({ length: CALENDAR_LIMITS.MAX_REMINDERS + 1 }, (_, i) => i) }],
  ])('refuses %s: %j', (code, patch) => {
    const { doc, calendar } = buildCalendar();
    expectRefused(doc, code, () => calendar.addEvent(buildEventInput(patch)));
  });

  it('counts a title in code points, so 1,000 emoji fit', () => {
    const { calendar } = buildCalendar();
    const id = calendar.addEvent(buildEventInput({ title: '📅'.repeat(CALENDAR_LIMITS.MAX_TITLE_CHARS) }));
    expect([...calendar.requireEvent(id).title]).toHaveLength(CALENDAR_LIMITS.MAX_TITLE_CHARS);
  });

  it('refuses an update that would leave the event invalid, and one of an event that is gone', () => {
    const { doc, calendar } = buildCalendar();
    const id = calendar.addEvent(buildEventInput());
    expectRefused(doc, 'END_BEFORE_START', () => calendar.updateEvent(id, { start: '2024-03-04T11:00' }));
    expectRefused(doc, 'BAD_TIME', () => calendar.updateEvent(id, { allDay: true }));
    expectRefused(doc, 'BAD_TIME_ZONE', () => calendar.updateEvent(id, { timeZone: 'Nowhere' }));
    expectRefused(doc, 'NO_SUCH_EVENT', () => calendar.updateEvent('gone', { title: 'x' }));
    expectRefused(doc, 'NO_SUCH_EVENT', () => calendar.deleteEvent('gone'));
    calendar.updateEvent(id, { allDay: true, start: '2024-03-04', end: '2024-03-05' });
    expect(calendar.requireEvent(id)).toMatchObject({ allDay: true, start: '2024-03-04', end: '2024-03-05' });
  });

  it('refuses the event past the limit', () => {
    const { doc, calendar } = buildCalendar();
    const events = Array.from({ length: CALENDAR_LIMITS.MAX_EVENTS }, (_, i) => buildCalendarEvent({ id: `e${i}` }));
    calendar.addEvents(events);
    expectRefused(doc, 'TOO_MANY_EVENTS', () => calendar.addEvent(buildEventInput()));
  });

  it('writes only the changed fields, so a concurrent change of another field survives', () => {
    const a = buildCalendar({ clientID: 1 });
    const id = a.calendar.addEvent(buildEventInput());
    const b = buildCalendar({ clientID: 2, from: a.doc });
    a.calendar.updateEvent(id, { title: 'Renamed' });
    b.calendar.updateEvent(id, { start: '2024-03-04T08:00', location: 'Room 2' });
    syncDocs([a.doc, b.doc]);
    expect(a.calendar.requireEvent(id)).toMatchObject({ title: 'Renamed', start: '2024-03-04T08:00', location: 'Room 2' });
    expect(a.calendar.toData()).toEqual(b.calendar.toData());
  });

  it('every edit has origin CALENDAR_EDIT, so an UndoManager undoes local edits only', () => {
    const a = buildCalendar({ clientID: 1 });
    const id = a.calendar.addEvent(buildEventInput());
    const b = buildCalendar({ clientID: 2, from: a.doc });
    const undo = new Y.UndoManager([a.calendar.eventMaps(), a.calendar.metaMap()], { trackedOrigins: new Set([CALENDAR_EDIT]), captureTimeout: 0 });
    a.calendar.updateEvent(id, { title: 'Mine' });
    b.calendar.updateEvent(id, { location: 'Theirs' });
    syncDocs([a.doc, b.doc]);
    undo.undo();
    expect(a.calendar.requireEvent(id)).toMatchObject({ title: 'Stand-up', location: 'Theirs' });
  });
});

describe('import and export', () => {
  it('round-trips events through toData and addEvents, keeping free ids and replacing taken ones', () => {
    const { calendar } = buildCalendar();
    const series = buildCalendarEvent({
      id: 'uid-1@example.com',
      recurrence: { freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2, count: 10 },
      exceptions: ['2024-04-09T09:00'],
      overrides: { '2024-05-14T09:00': { title: 'Moved', start: '2024-05-15T09:00', end: '2024-05-15T10:00' } },
      start: '2024-03-12T09:00',
      end: '2024-03-12T10:00',
    });
    const ids = calendar.addEvents([series, buildCalendarEvent({ id: 'uid-1@example.com', title: 'Same uid' })]);
    expect(ids[0]).toBe('uid-1@example.com');
    expect(ids[1]).not.toBe('uid-1@example.com');
    const copy = buildCalendar();
    copy.calendar.addEvents(calendar.toData().events);
    expect(copy.calendar.toData()).toEqual(calendar.toData());
    expect(calendar.requireEvent('uid-1@example.com')).toEqual(series);
  });

  it('adds nothing when one imported event is invalid', () => {
    const { doc, calendar } = buildCalendar();
    expectRefused(doc, 'BAD_TIME_ZONE', () => calendar.addEvents([buildCalendarEvent({ id: 'a' }), buildCalendarEvent({ id: 'b', timeZone: 'Nowhere' })]));
    expectRefused(doc, 'TOO_MANY_EXCEPTIONS', () =>
      calendar.addEvents([
        buildCalendarEvent({
          recurrence: { freq: 'DAILY', interval: 1 },
          exceptions: Array.from({ length: CALENDAR_LIMITS.MAX_EXCEPTIONS + 1 }, (_, i) => new Date(Date.UTC(2024, 2, 4 + i, 9)).toISOString().slice(0, 16)),
        }),
      ]),
    );
  });
});
