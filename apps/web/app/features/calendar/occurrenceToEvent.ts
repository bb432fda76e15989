import type { Occurrence } from '@coffre/docs';
import type { EventInput } from '@fullcalendar/react';

/** The id FullCalendar knows an occurrence by: calendar, event and occurrence, so a click finds all three. */
export function occurrenceId(calendarId: string, o: Pick<Occurrence, 'eventId' | 'occurrenceKey'>): string {
  return `${calendarId}|${o.eventId}|${o.occurrenceKey}`;
}

export function parseOccurrenceId(id: string): { calendarId: string; eventId: string; occurrenceKey: string } | null {
  const [calendarId, eventId, occurrenceKey] = id.split('|');
  return calendarId && eventId && occurrenceKey ? { calendarId, eventId, occurrenceKey } : null;
}

/**
 * An occurrence as FullCalendar shows it: timed ones as instants (shown in the
 * viewer's zone), all-day ones as dates, in the event's or the calendar's colour.
 */
export function occurrenceToEvent(calendarId: string, calendarColor: string, o: Occurrence, editable: boolean): EventInput {
  const color = o.color ?? calendarColor;
  return {
    id: occurrenceId(calendarId, o),
    title: o.title,
    start: o.allDay ? o.start.slice(0, 10) : new Date(o.startMs),
    end: o.allDay ? o.end.slice(0, 10) : new Date(o.endMs),
    allDay: o.allDay,
    color,
    backgroundColor: color,
    borderColor: color,
    editable,
    extendedProps: { location: o.location, recurring: o.recurring },
  };
}
