import type { CalendarData } from '@coffre/docs';
import { buildCalendarEvent } from './buildCalendarEvent.ts';

/**
 * Test-only: a calendar using everything the .ics export writes: single,
 * all-day and repeating events in three zones, exceptions, overrides
 * (moved, retitled, turned all-day, recoloured), reminders, colours, text
 * that needs escaping and a description long enough to fold.
 */
export function buildSampleCalendar(): CalendarData {
  return {
    meta: { name: 'Team, Paris; “core”', color: '#2f5d50' },
    events: [
      buildCalendarEvent({ id: 'single', title: 'Dentist', location: '12 rue de la Paix, Paris', reminders: [30] }),
      buildCalendarEvent({
        id: 'holiday',
        title: 'Holiday 🏖️',
        allDay: true,
        start: '2025-08-04',
        end: '2025-08-16',
        timeZone: 'America/New_York',
        color: '#e11d48',
        reminders: [1440, 10080],
      }),
      buildCalendarEvent({
        id: 'standup@coffre.example',
        title: 'Stand-up',
        start: '2025-03-03T09:30',
        end: '2025-03-03T09:45',
        recurrence: { freq: 'WEEKLY', interval: 1, byWeekday: ['MO', 'WE', 'FR'], until: '2025-12-19T09:30' },
        exceptions: ['2025-03-05T09:30', '2025-04-21T09:30'],
        overrides: {
          '2025-03-07T09:30': { title: 'Stand-up (demo day)', start: '2025-03-07T11:00', end: '2025-03-07T11:30', color: '#16a34a' },
          '2025-03-31T09:30': { location: 'Room 2' },
          '2025-04-04T09:30': { allDay: true, start: '2025-04-04', end: '2025-04-05' },
        },
        reminders: [0, 10],
      }),
      buildCalendarEvent({
        id: 'board',
        title: 'Board meeting',
        start: '2025-01-14T09:00',
        end: '2025-01-14T11:00',
        timeZone: 'America/New_York',
        recurrence: { freq: 'MONTHLY', interval: 1, byWeekday: ['TU'], bySetPos: 2, count: 12 },
        overrides: { '2025-03-11T09:00': { start: '2025-03-12T14:00' }, '2025-05-13T09:00': { end: '2025-05-13T12:30' } },
      }),
      buildCalendarEvent({
        id: 'tokyo',
        title: 'Call with Tokyo',
        start: '2025-06-02T18:00',
        end: '2025-06-02T18:30',
        timeZone: 'Asia/Tokyo',
        recurrence: { freq: 'MONTHLY', interval: 2, byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR'], bySetPos: -1 },
      }),
      buildCalendarEvent({
        id: 'birthday',
        title: 'Ada’s birthday',
        allDay: true,
        start: '2025-12-10',
        end: '2025-12-11',
        recurrence: { freq: 'YEARLY', interval: 1, byMonth: [12], byMonthDay: [10] },
        exceptions: ['2027-12-10'],
      }),
      buildCalendarEvent({
        id: 'rent',
        title: 'Pay rent',
        start: '2025-01-31T08:00',
        end: '2025-01-31T08:15',
        recurrence: { freq: 'MONTHLY', interval: 1, byMonthDay: [-1], until: '2025-12-31T08:00' },
      }),
      buildCalendarEvent({
        id: 'text',
        title: 'Lunch; then, maybe \\ coffee',
        location: 'Café “Le Zinc”, 3 rue X; 2nd floor',
        description: `Agenda:\n1. Numbers, plans; risks\n2. 👩🏽‍💻 demo\n\n${'A long description that has to be folded across many lines. '.repeat(12)}`,
      }),
    ],
  };
}
