import { CALENDAR_IMPORT_LIMITS, type CalendarImportLimit } from './calendarImportLimits.ts';

export type CalendarImportErrorCode =
  /** Not an iCalendar file: random bytes, a vCard, a lone VEVENT without VCALENDAR. */
  | 'NOT_AN_ICS_FILE'
  /** Over `MAX_ICS_BYTES`. */
  | 'FILE_TOO_LARGE'
  /** Over `MAX_VEVENTS`, `MAX_EVENTS` or `MAX_EXCEPTIONS_PER_EVENT`; `limit` says which. */
  | 'TOO_MANY_EVENTS'
  /** A title, place, description or calendar name over its limit; `limit` says which. */
  | 'TEXT_TOO_LONG'
  /** An .ics that does not parse: truncated, BEGIN without END, a date that is not a date (or before the year 1000), an event without a start. */
  | 'CORRUPT_FILE'
  /** Not valid UTF-8 (RFC 5545's charset), e.g. an export in Windows-1252. */
  | 'INVALID_TEXT_ENCODING';

const L = CALENDAR_IMPORT_LIMITS;
const count = (n: number) => n.toLocaleString('en-US');

/** What the user sees for each code; fit to show as it is, never quoting the file. */
export const CALENDAR_IMPORT_MESSAGES: Record<CalendarImportErrorCode, string> = {
  NOT_AN_ICS_FILE: 'This file is not a calendar file (.ics).',
  FILE_TOO_LARGE: `This file is too large to import: calendar files can be at most ${L.MAX_ICS_BYTES / 1024 / 1024} MB.`,
  TOO_MANY_EVENTS: `This calendar is too big to import: at most ${count(L.MAX_EVENTS)} events, and ${count(L.MAX_EXCEPTIONS_PER_EVENT)} changed or removed occurrences per repeating event.`,
  TEXT_TOO_LONG: `This calendar has text too long to import: titles and places can be at most ${count(L.MAX_TITLE_CHARS)} characters, descriptions ${count(L.MAX_DESCRIPTION_CHARS)}, the calendar's name ${count(L.MAX_CALENDAR_NAME_CHARS)}.`,
  CORRUPT_FILE: 'This calendar file is damaged or incomplete and cannot be read.',
  INVALID_TEXT_ENCODING: 'This calendar file is not UTF-8 text. Export it again as a standard .ics file and import that.',
};

/**
 * A calendar import that failed before anything was returned. Expected
 * failures of user files, not bugs.
 */
export class CalendarImportError extends Error {
  constructor(
    readonly code: CalendarImportErrorCode,
    /** The limit that was exceeded, for `FILE_TOO_LARGE`, `TOO_MANY_EVENTS` and `TEXT_TOO_LONG`. */
    readonly limit?: CalendarImportLimit,
  ) {
    super(CALENDAR_IMPORT_MESSAGES[code]);
    this.name = 'CalendarImportError';
  }
}
