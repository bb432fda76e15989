import type { CalendarEventData } from '@coffre/docs';

/** Test-only: a one-hour Monday-morning meeting in Paris, with `overrides`. */
export function buildCalendarEvent(overrides: Partial<CalendarEventData> = {}): CalendarEventData {
  return {
    id: 'event-1',
    title: 'Meeting',
    location: '',
    description: '',
    allDay: false,
    start: '2025-03-10T09:00',
    end: '2025-03-10T10:00',
    timeZone: 'Europe/Paris',
    exceptions: [],
    overrides: {},
    reminders: [],
    created: Date.UTC(2025, 0, 2, 8, 30),
    modified: Date.UTC(2025, 1, 3, 17, 45, 10),
    ...overrides,
  };
}
