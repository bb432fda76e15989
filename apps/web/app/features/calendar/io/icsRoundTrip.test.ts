import type { CalendarData } from '@coffre/docs';
import { describe, expect, it } from 'vitest';
import { exportIcs } from './exportIcs.ts';
import { importIcs } from './importIcs.ts';
import { buildCalendarEvent } from './testing/buildCalendarEvent.ts';
import { buildSampleCalendar } from './testing/buildSampleCalendar.ts';

const roundTrip = (data: CalendarData, defaultTimeZone = 'Europe/Paris') => importIcs(new TextEncoder().encode(exportIcs(data)), { defaultTimeZone });
const calendarOf = (...events: CalendarData['events']): CalendarData => ({ meta: { name: 'Cal', color: '#3b82f6' }, events });

describe('exportIcs → importIcs', () => {
  it('gives back the same calendar', () => {
    const data = buildSampleCalendar();
    expect(roundTrip(data)).toEqual(data);
  });

  it('gives it back whatever the importing user’s zone', () => {
    const data = buildSampleCalendar();
    expect(roundTrip(data, 'Pacific/Auckland')).toEqual(data);
  });

  it('gives back single, all-day and timed-to-all-day events each', () => {
    for (const event of [
      buildCalendarEvent(),
      buildCalendarEvent({ allDay: true, start: '2025-02-28', end: '2025-03-01' }),
      buildCalendarEvent({ start: '2025-10-26T01:30', end: '2025-10-26T03:30', description: 'Across the autumn change' }),
      buildCalendarEvent({ timeZone: 'UTC', recurrence: { freq: 'DAILY', interval: 3, count: 5 }, exceptions: ['2025-03-13T09:00'] }),
      buildCalendarEvent({ timeZone: 'Australia/Lord_Howe', recurrence: { freq: 'YEARLY', interval: 1, byMonth: [3], byWeekday: ['MO'], bySetPos: 2 } }),
    ]) {
      expect(roundTrip(calendarOf(event))).toEqual(calendarOf(event));
    }
  });

  it('gives back reminders from zero minutes to four weeks', () => {
    const event = buildCalendarEvent({ reminders: [0, 5, 90, 1440, 1530, 40_320] });
    expect(roundTrip(calendarOf(event)).events[0]!.reminders).toEqual(event.reminders);
  });

  it('gives back an override’s end only where it changes the occurrence’s length', () => {
    const event = buildCalendarEvent({
      recurrence: { freq: 'DAILY', interval: 1 },
      overrides: { '2025-03-11T09:00': { start: '2025-03-11T14:00', end: '2025-03-11T15:00' }, '2025-03-12T09:00': { start: '2025-03-12T11:00', end: '2025-03-12T11:00' } },
    });
    expect(roundTrip(calendarOf(event)).events[0]!.overrides).toEqual({ '2025-03-11T09:00': { start: '2025-03-11T14:00' }, '2025-03-12T09:00': { start: '2025-03-12T11:00' } });
  });
});
