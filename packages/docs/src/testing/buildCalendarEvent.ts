import type { CalendarEventData } from '../models/calendar/CalendarData.ts';
import type { CalendarEventInput } from '../models/calendar/CalendarEventInput.ts';

/** A fixture: a one-hour meeting on Monday 4 March 2024 at 09:00 in Paris, unless overridden. */
export function buildEventInput(overrides: Partial<CalendarEventInput> = {}): CalendarEventInput {
  return {
    title: 'Stand-up',
    location: 'Room 1',
    description: '',
    allDay: false,
    start: '2024-03-04T09:00',
    end: '2024-03-04T10:00',
    timeZone: 'Europe/Paris',
    reminders: [10],
    ...overrides,
  };
}

/** A fixture: the same as stored plain data (an import), with an id and times of creation. */
export function buildCalendarEvent(overrides: Partial<CalendarEventData> = {}): CalendarEventData {
  return { exceptions: [], overrides: {}, reminders: [10], location: 'Room 1', description: '', ...buildEventInput(), id: 'ev1', created: 1_000, modified: 1_000, ...overrides };
}
