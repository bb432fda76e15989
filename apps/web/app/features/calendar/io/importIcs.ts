import type { CalendarData } from '@coffre/docs';
import { calendarMetaFromIcs } from './calendarMetaFromIcs.ts';
import { CalendarImportError } from './calendarImportError.ts';
import { CALENDAR_IMPORT_LIMITS } from './calendarImportLimits.ts';
import { decodeIcsText } from './decodeIcsText.ts';
import { eventsFromVevents } from './eventsFromVevents.ts';
import { ianaTimeZone } from './ianaTimeZone.ts';
import { IcsTimeZones } from './IcsTimeZones.ts';
import { parseIcsCalendars } from './parseIcsCalendars.ts';

/**
 * An .ics file (RFC 5545; Google, Outlook, Apple…) as one calendar's data,
 * held to the model's limits and write check. Times without an IANA zone of
 * their own (UTC, floating, custom VTIMEZONEs) land in `defaultTimeZone`, the
 * importing user's zone. Callers should load this module lazily: ical.js
 * comes with it.
 *
 * Dropped rather than guessed at: a rule the model cannot say (the event is
 * its first occurrence; its changed occurrences become events of their own,
 * see `recurrenceFromIcs`), RDATE and EXRULE, alarms other than "n minutes
 * before the start" (see `remindersFromIcs`), per-occurrence alarms, cancelled
 * events, seconds, CSS colour names, and what the model has no field for
 * (attendees, organizer, status, busy/free, categories, URL, attachments,
 * HTML descriptions, VTODO/VJOURNAL). RANGE=THISANDFUTURE changes only that
 * occurrence. A timed event without an end (or ending at its start) lasts a
 * minute, as the model needs an end after the start.
 * @throws CalendarImportError `FILE_TOO_LARGE`, `NOT_AN_ICS_FILE`, `INVALID_TEXT_ENCODING`, `CORRUPT_FILE`, `TOO_MANY_EVENTS`, `TEXT_TOO_LONG`; nothing is returned then.
 * @throws RangeError when `defaultTimeZone` is not an IANA zone (a caller bug).
 */
export function importIcs(bytes: Uint8Array, options: { defaultTimeZone: string }): CalendarData {
  const defaultTimeZone = ianaTimeZone(options.defaultTimeZone);
  if (!defaultTimeZone) throw new RangeError('defaultTimeZone is not an IANA time zone');
  const calendars = parseIcsCalendars(decodeIcsText(bytes));
  const vevents = calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));
  if (vevents.length > CALENDAR_IMPORT_LIMITS.MAX_VEVENTS) throw new CalendarImportError('TOO_MANY_EVENTS', 'MAX_VEVENTS');
  return { meta: calendarMetaFromIcs(calendars), events: eventsFromVevents(vevents, new IcsTimeZones(calendars, defaultTimeZone)) };
}
