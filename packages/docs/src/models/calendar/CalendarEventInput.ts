import type { CalendarEventData, RecurrenceRule } from './CalendarData.ts';

/** A new event: the model gives it an id and times of creation; the lists default to empty, the texts to ''. */
export type CalendarEventInput = Omit<CalendarEventData, 'id' | 'created' | 'modified' | 'location' | 'description' | 'exceptions' | 'overrides' | 'reminders'> &
  Partial<Pick<CalendarEventData, 'location' | 'description' | 'exceptions' | 'overrides' | 'reminders'>>;

/**
 * The fields `updateEvent` changes; the rest are left as they are. `null`
 * clears a colour (the calendar's then) or a rule (a single event then).
 * Exceptions and overrides change through `editOccurrence` and `deleteOccurrence`.
 */
export type CalendarEventPatch = Partial<Pick<CalendarEventData, 'title' | 'location' | 'description' | 'allDay' | 'start' | 'end' | 'timeZone' | 'reminders'>> & {
  color?: string | null;
  recurrence?: RecurrenceRule | null;
};
