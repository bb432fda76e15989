/**
 * A calendar's events as plain data: what the live model (`CalendarModel`)
 * reads and writes, what ICS import produces and export consumes. Times are
 * wall-clock times in the event's own IANA time zone, so a weekly 09:00
 * meeting stays at 09:00 across daylight-saving changes.
 */

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** RFC 5545 RRULE, the subset the calendar edits (anything else imported is kept as `raw`). */
export type RecurrenceRule = {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  /** Every n days/weeks/months/years; 1 or more. */
  interval: number;
  /** WEEKLY: which days; MONTHLY/YEARLY with `bySetPos`: the nth weekday ("2nd Tuesday"). */
  byWeekday?: Weekday[];
  /** MONTHLY: which day of the month (1–31, or -1 for the last). */
  byMonthDay?: number[];
  /** YEARLY: which month (1–12). */
  byMonth?: number[];
  /** With `byWeekday`: 1–4 or -1 for the last. */
  bySetPos?: number;
  /** Last possible start, wall-clock in the event's zone (`YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` for all-day). */
  until?: string;
  /** How many occurrences in all. At most one of `until` and `count`. */
  count?: number;
};

/** Fields of an event that one occurrence may override (RECURRENCE-ID in ICS). */
export type OccurrenceOverride = Partial<Pick<CalendarEventData, 'title' | 'location' | 'description' | 'color' | 'start' | 'end' | 'allDay'>>;

export type CalendarEventData = {
  id: string;
  title: string;
  location: string;
  description: string;
  /** `#rrggbb`; absent: the calendar's colour. */
  color?: string;
  allDay: boolean;
  /** Timed: `YYYY-MM-DDTHH:mm` in `timeZone`. All-day: `YYYY-MM-DD`. */
  start: string;
  /** Timed: after `start`. All-day: the day after the last day (exclusive, as in ICS). */
  end: string;
  /** IANA zone (`Europe/Paris`); all-day events use it only to expand recurrences. */
  timeZone: string;
  recurrence?: RecurrenceRule;
  /** Occurrences removed from the series, by their original start (same form as `start`). */
  exceptions: string[];
  /** Occurrences changed on their own, by their original start. */
  overrides: Record<string, OccurrenceOverride>;
  /** Minutes before the start to remind, e.g. [10, 1440]. */
  reminders: number[];
  created: number;
  modified: number;
};

export type CalendarMeta = { name: string; color: string };

export type CalendarData = { meta: CalendarMeta; events: CalendarEventData[] };

/** One occurrence to show, expanded from an event in a time range. */
export type Occurrence = {
  eventId: string;
  /** The occurrence's original start (the key for exceptions and overrides); equals `start` for single events. */
  occurrenceKey: string;
  title: string;
  location: string;
  description: string;
  color?: string;
  allDay: boolean;
  /** Instants (UTC ms) for timed occurrences; for all-day, midnight UTC of the dates. */
  startMs: number;
  endMs: number;
  /** Wall-clock start and end in the event's zone, as in `CalendarEventData`. */
  start: string;
  end: string;
  timeZone: string;
  recurring: boolean;
  reminders: number[];
};

/** How far an edit of one occurrence of a repeating event reaches. */
export type EditScope = 'this' | 'following' | 'all';
