import { CALENDAR_LIMITS } from '@coffre/docs';

const MiB = 1024 * 1024;

/**
 * Limits on imported .ics files; the byte limit is checked before any
 * decoding or parsing. What ends up in the model is held to the model's own
 * limits (`CALENDAR_LIMITS`), so an import never makes data the calendar
 * would refuse to write.
 */
export const CALENDAR_IMPORT_LIMITS = {
  /** An .ics as picked by the user; ical.js reads 10 MiB (about 20,000 events) in about 2 s. */
  MAX_ICS_BYTES: 10 * MiB,
  /** VEVENTs in the file, changed occurrences (RECURRENCE-ID) included: bounds the work before events are counted. */
  MAX_VEVENTS: 2 * CALENDAR_LIMITS.MAX_EVENTS,
  /** Events the import makes. */
  MAX_EVENTS: CALENDAR_LIMITS.MAX_EVENTS,
  /** Removed occurrences (EXDATE, cancelled RECURRENCE-ID) of one repeating event, and changed ones, each. */
  MAX_EXCEPTIONS_PER_EVENT: CALENDAR_LIMITS.MAX_EXCEPTIONS,
  /** SUMMARY, LOCATION, DESCRIPTION, X-WR-CALNAME, in code points as the model counts them. */
  MAX_TITLE_CHARS: CALENDAR_LIMITS.MAX_TITLE_CHARS,
  MAX_LOCATION_CHARS: CALENDAR_LIMITS.MAX_LOCATION_CHARS,
  MAX_DESCRIPTION_CHARS: CALENDAR_LIMITS.MAX_DESCRIPTION_CHARS,
  MAX_CALENDAR_NAME_CHARS: CALENDAR_LIMITS.MAX_NAME_CHARS,
  /** VALARMs kept per event; later ones are dropped, not refused (a reminder is not worth failing an import). */
  MAX_REMINDERS_PER_EVENT: CALENDAR_LIMITS.MAX_REMINDERS,
} as const;

export type CalendarImportLimit = keyof typeof CALENDAR_IMPORT_LIMITS;
